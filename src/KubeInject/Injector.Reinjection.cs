using KubeInject.Diagnostics;
using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.Selection;
using KubeInject.Settings;
using KubeInject.Uninjection;
using KubeInject.Yaml;

namespace KubeInject;

// What taking out a previous injection needs (re-injection, and the Uninjector): the pod over the workload's nodes,
// this injector's settings, and the templates of the release that wrote the sidecar.
public sealed partial class Injector
{
    /// <summary>The workload's pod as a <c>{metadata, spec}</c> mapping over its own nodes.</summary>
    internal static YMapping WrapPod(Workload workload)
    {
        var location = workload.Location;
        var metadataOwner = workload.MetadataParent ?? throw new KubeInjectException("spec.template is required value", location);
        var specOwner = workload.Root;
        foreach (var key in workload.KindInfo.TemplatePath) specOwner = specOwner[key] as YMapping ?? throw new KubeInjectException($"{string.Join('.', workload.KindInfo.TemplatePath)} is required value", location);
        return PodInjector.Wrap(metadataOwner, specOwner);
    }

    /// <summary>What removing a previous injection from <paramref name="pod"/> needs: these settings and this injector's templates.</summary>
    internal UninjectionContext UninjectionContextFor(Workload workload, YMapping pod)
    {
        var writer = InjectorOfPreviousInjection(pod);
        return new()
        {
            StatusPort = PodSettings.Of(pod, _mesh, workload.Location).StatusPort,
            Network = _network,
            RenderTemplatePod = p => writer.TemplatePod(workload, p),
            InjectedAnnotations = _injectorConfig.InjectedAnnotations,
        };
    }

    // What injection wrote is known by rendering the templates that wrote it: those of the bundled release whose
    // minor version the sidecar's image tag names (a 1.22.x sidecar → 1.22.4's templates), else our own.
    private Injector InjectorOfPreviousInjection(YMapping pod)
    {
        var version = Sidecar.Find(pod["spec"] as YMapping)?.Version;
        if (version is null || version == Sidecar.UnknownVersion) return this;
        if (_versions.FindByMinor(version) is not { } profile || profile == _profile) return this;
        return _previousVersionInjectors.GetOrAdd(profile.Version,
            v => new Injector(Options with { IstioVersion = v, InjectorConfigText = null }, _versions));
    }

    // All selected templates rendered for the pod and merged onto an empty pod (what injection writes).
    private YMapping TemplatePod(Workload workload, YMapping pod)
    {
        var settings = PodSettings.Of(pod, _mesh, workload.Location);
        var templatePod = new YMapping();
        foreach (var patch in Render(DataFor(workload, pod, settings), settings.Annotations, workload.Location))
            StrategicMerge.ApplyConsumingPatch(templatePod, patch);
        return templatePod;
    }
}
