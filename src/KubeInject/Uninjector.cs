using KubeInject.Decision;
using KubeInject.Merging;
using KubeInject.Pipeline;
using KubeInject.Pod;
using KubeInject.Reading;
using KubeInject.Selection;
using KubeInject.Uninjection;
using KubeInject.Writing;
using KubeInject.Yaml;

namespace KubeInject;

/// <summary>
/// Removes injected sidecars from manifests: the inverse of <see cref="Injector"/>, driven by each pod's
/// <c>sidecar.istio.io/status</c> annotation (never by guessing container names). Restores the original probes
/// (from <c>ISTIO_KUBE_APP_PROBERS</c>), Prometheus annotations (from <c>ISTIO_PROMETHEUS_ANNOTATIONS</c>) and
/// customised containers (from <c>proxy.istio.io/overrides</c>), and removes the listed containers, init containers,
/// volumes and image pull secrets and the labels and annotations injection wrote. Documents without injected
/// workloads come out byte-identical, and so do the user's own lines in the ones that change.
/// </summary>
/// <remarks>
/// The options are the injection settings: they tell which labels, annotations and pod fields injection writes
/// (e.g. the CNI traffic annotations, the network label). A value that differs from what injection would write is
/// the user's and is kept. With the defaults, manifests injected with the bundled defaults uninject exactly.
/// </remarks>
public sealed class Uninjector
{
    private readonly Injector _injector;

    /// <summary>Loads settings; throws <see cref="Diagnostics.KubeInjectException"/> for bad settings or an unknown version.</summary>
    public Uninjector(InjectionOptions options) => _injector = new Injector(options);

    /// <summary>The options this uninjector was built with.</summary>
    public InjectionOptions Options => _injector.Options;

    /// <summary>Warnings about the settings.</summary>
    public IReadOnlyList<string> Warnings => _injector.Warnings;

    /// <summary>
    /// Uninjects every workload of a multi-document YAML/JSON text. A workload with an <c>istio-proxy</c> container but
    /// no (or an unparseable) status annotation is skipped with <see cref="SkipReason.SidecarWithoutStatus"/>
    /// (<see cref="SkipReason.InvalidStatus"/>); one without a sidecar is reported with <see cref="SkipReason.NotInjected"/>.
    /// </summary>
    /// <exception cref="Diagnostics.KubeInjectException">Bad YAML, an unparseable <c>proxy.istio.io/overrides</c> or <c>proxy.istio.io/config</c>, a template failure.</exception>
    public InjectionResult Uninject(string text, string fileName) =>
        Pipeline().ToResult(text, fileName, outputCapacity: text.Length);

    /// <summary>
    /// Streams the uninjected text to <paramref name="output"/> document by document. On an exception, the documents
    /// before the failing one have been written (write files through a temporary file).
    /// </summary>
    /// <exception cref="Diagnostics.KubeInjectException">As for <see cref="Uninject(string, string)"/>.</exception>
    public InjectionSummary Uninject(string text, string fileName, TextWriter output)
        => Pipeline().WriteAll(new StringReader(text), fileName, output);

    /// <summary>Reads the input as a stream too, one document at a time. Otherwise as <see cref="Uninject(string, string, TextWriter)"/>.</summary>
    /// <exception cref="Diagnostics.KubeInjectException">As for <see cref="Uninject(string, string)"/>.</exception>
    public InjectionSummary Uninject(TextReader input, string fileName, TextWriter output)
        => Pipeline().WriteAll(input, fileName, output);

    private WorkloadPipeline Pipeline() => new(_injector.Kinds, UninjectWorkload, _injector.Options.Progress, _injector.Options.Parallelism);

    private WorkloadReport UninjectWorkload(Workload workload)
    {
        var metadata = workload.PodMetadata;
        var statusText = PodTree.StringValue(metadata?["annotations"] as YMapping, InjectionStatus.AnnotationKey);
        if (statusText is null)
            return SkipReports.Uninjection(workload, Sidecar.ContainerIn(workload.PodSpec) is not null ? SkipReason.SidecarWithoutStatus : SkipReason.NotInjected);
        if (InjectionStatus.Parse(statusText) is not { } status) return SkipReports.Uninjection(workload, SkipReason.InvalidStatus);

        var pod = Injector.WrapPod(workload);
        var context = _injector.UninjectionContextFor(workload, pod);
        PodUninjector.Remove(pod, status, context, workload.MetadataParent);
        return new WorkloadReport(workload.Kind, workload.Namespace, workload.Name, workload.Location, false, null, null, context.Warnings, null)
        {
            Uninjected = true,
        };
    }
}
