using KubeInject.Diagnostics;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Istio's <c>RunTemplate</c> merge loop and <c>reapplyOverwrittenContainers</c> over a pod-shaped mapping whose <c>metadata</c>/<c>spec</c> are the workload's own nodes, so every edit lands in the
/// document in place.
/// </summary>
internal static class PodInjector
{
    /// <summary>
    /// A pod-shaped wrapper <c>{metadata, spec}</c> over a workload's nodes (creating them when absent or null), so
    /// that a CronJob's job-template metadata and its pod spec can be injected as one pod.
    /// </summary>
    public static YMapping Wrap(YMapping metadataOwner, YMapping specOwner)
    {
        if (metadataOwner["metadata"] is not YMapping metadata)
        {
            // A new metadata block reads best before the spec it describes.
            metadata = new YMapping();
            int spec = metadataOwner.IndexOf("spec");
            if (metadataOwner.ContainsKey("metadata") || spec < 0) metadataOwner.Set("metadata", metadata);
            else metadataOwner.Insert(spec, "metadata", metadata);
        }
        var pod = new YMapping();
        pod.Set("metadata", metadata);
        pod.Set("spec", specOwner.GetOrAddMapping("spec"));
        return pod;
    }

    /// <summary>
    /// Merges each rendered template (in order) onto an empty template pod and onto <paramref name="pod"/> and
    /// re-applies user overrides (spec §5.1–§5.5); post-processing (§5.6, §6) is the next stage's.
    /// Throws <see cref="KubeInjectException"/> with Istio's wording.
    /// </summary>
    /// <param name="pod">The pod (see <see cref="Wrap"/>); edited in place.</param>
    /// <param name="templates">The rendered templates, parsed; consumed (their nodes move into the pod).</param>
    /// <param name="context">Settings the steps read.</param>
    /// <param name="options">Behaviour that differs between Istio versions.</param>
    /// <returns>The pod as it was before the merge, and the names the templates inject.</returns>
    public static MergedPod Merge(YMapping pod, IReadOnlyList<YMapping> templates, InjectionContext context, PostProcessOptions options)
    {
        var original = (YMapping)pod.DeepClone();
        var templatePod = new YMapping();
        foreach (var template in templates)
        {
            // The template pod is read for names only: the templates' skeletons are enough (see TemplateSkeleton).
            Run(() => RenderedContainerNames.ThrowIfNotStrings(template), "failed to run injection template: failed applying injection overlay: ");
            Run(() => StrategicMerge.Apply(templatePod, TemplateSkeleton.Of(template)), "failed to run injection template: failed applying injection overlay: ");
            MoveUserProxyForNativeSidecar(pod, templatePod, context, options);
            // The last use of this template: the pod takes its nodes instead of copies.
            Run(() => StrategicMerge.ApplyConsumingPatch(pod, template),
                "failed to run injection template: failed parsing generated injected YAML (check Istio sidecar injector configuration): ");
        }

        OverrideReapplier.Reapply(pod, original, templatePod, context);

        return new MergedPod(original, InjectedNames.Of(templatePod));
    }

    /// <summary>
    /// With native sidecars the template's istio-proxy is an init container while a user's customisation sits in
    /// <c>containers</c>; Istio moves the user's one over so both merge into one container.
    /// </summary>
    private static void MoveUserProxyForNativeSidecar(YMapping pod, YMapping templatePod, InjectionContext context, PostProcessOptions options)
    {
        bool native = context.NativeSidecars;
        if (options.NativeSidecarAnnotation)
        {
            var a = PodTree.Annotation(pod, "sidecar.istio.io/nativeSidecar");
            if (a == "true") native = true;
            else if (a == "false") native = false;
        }
        if (!native || PodTree.Find(PodTree.List(templatePod, "initContainers"), PodTree.ProxyName) is null) return;
        var containers = PodTree.List(pod, "containers");
        var user = PodTree.Find(containers, PodTree.ProxyName);
        if (user is null) return;
        containers!.RemoveAt(containers.Items.ToList().IndexOf(user));
        var spec = PodTree.Spec(pod)!;
        if (spec["initContainers"] is not YSequence inits)
        {
            inits = new YSequence();
            spec.SetAfter("initContainers", inits, MergeStrategy.PlaceAfter("spec.initContainers"));
        }
        inits.Add(user);
    }

    private static void Run(Action merge, string prefix)
    {
        try
        {
            merge();
        }
        catch (KubeInjectException e)
        {
            throw new KubeInjectException(prefix + e.Message, e.Location, e.Kind, e);
        }
    }
}
