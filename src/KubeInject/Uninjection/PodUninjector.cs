using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Takes a previous injection out of a pod, driven by its <c>sidecar.istio.io/status</c> annotation: the inverse of
/// <see cref="PodInjector.Merge"/>. Order matters: the sidecar's env is read first (it records the original probes
/// and scrape annotations), then probes and Prometheus annotations are restored, the listed containers, volumes and
/// secrets removed (user customisations restored from <c>proxy.istio.io/overrides</c>), and last the metadata and
/// spec fields the templates wrote, judged against a rendering of the templates for the stripped pod.
/// </summary>
internal static class PodUninjector
{
    /// <summary>The parsed status annotation of a pod, or null when it has none or it does not parse.</summary>
    public static InjectionStatus? StatusOf(YMapping pod) =>
        PodTree.Annotation(pod, InjectionStatus.AnnotationKey) is { } text ? InjectionStatus.Parse(text) : null;

    /// <summary>Removes the injection recorded by <paramref name="status"/> from <paramref name="pod"/> (edited in place).</summary>
    /// <param name="pod">A pod-shaped mapping over the workload's own nodes (see <see cref="PodInjector.Wrap"/>).</param>
    /// <param name="status">The pod's parsed status annotation.</param>
    /// <param name="context">Settings and the template renderer; collects warnings.</param>
    /// <param name="metadataOwner">The mapping holding the pod's <c>metadata</c>, so an emptied metadata can go; null to keep it.</param>
    public static void Remove(YMapping pod, InjectionStatus status, UninjectionContext context, YMapping? metadataOwner = null)
    {
        var metadata = PodTree.Metadata(pod);
        var spec = PodTree.Spec(pod);
        var emptied = new EmptiedCollections()
            .Watch(metadataOwner, "metadata")
            .Watch(metadata, "labels", "annotations")
            .Watch(spec, "initContainers", "containers", "volumes", "imagePullSecrets", "securityContext");

        var env = SidecarEnv.Read(pod, status, out var usersOwn);
        ProbeRestorer.Restore(pod, status, env.GetValueOrDefault(SidecarEnv.AppProbers), usersOwn.GetValueOrDefault(SidecarEnv.AppProbers), context.Warnings);
        PrometheusRestorer.Restore(pod, context.StatusPort, env.GetValueOrDefault(SidecarEnv.PrometheusAnnotations));
        InjectedContainers.Remove(pod, status);

        var defaults = TemplateDefaults.Compute(WithoutStatus(pod), context.RenderTemplatePod);
        InjectedMetadata.Remove(pod, status, defaults, context);
        InjectedSpecFields.Remove(pod, defaults.AsIs);
        emptied.Prune();
    }

    // The templates must see the pod as never injected (a status would make the data strip it again); the copy is
    // TemplateDefaults' to change.
    private static YMapping WithoutStatus(YMapping pod)
    {
        var copy = (YMapping)pod.DeepClone();
        PodTree.Annotations(copy)?.Remove(InjectionStatus.AnnotationKey);
        return copy;
    }
}
