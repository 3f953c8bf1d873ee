using KubeInject.Decision;
using KubeInject.Diagnostics;
using KubeInject.Go;
using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.Pipeline;
using KubeInject.PostProcessing;
using KubeInject.Selection;
using KubeInject.Settings;
using KubeInject.Uninjection;
using KubeInject.Versions;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject;

/// <summary>
/// Injects Istio's sidecar into manifests. Configure once (settings are parsed in the constructor), then
/// call <see cref="Inject(string, string)"/> per input. Wires the stages: read → select → decide → render → merge →
/// post-process → write; each stage lives in its own folder.
/// </summary>
public sealed partial class Injector
{
    private const string TemplatesAnnotation = "inject.istio.io/templates";

    private readonly IstioVersions _versions;
    private readonly IstioVersionProfile _profile;
    private readonly YMapping _values;
    private readonly YMapping _mesh;
    // The Go templates by name: the cluster's (--injector-config) or the version's stock ones, with those of
    // InjectionOptions.Templates in their place; compiled up front as Istio parses them.
    private readonly IReadOnlyDictionary<string, GoTemplates.GoTemplate> _goTemplates;
    // The injector config (--injector-config; kube-inject's defaults without one): which templates a pod gets, the
    // annotations injection adds, and whether a pod is injected at all.
    private readonly InjectorConfig _injectorConfig;
    private readonly InjectionPolicy _policy;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly bool _nativeSidecars;
    private readonly PostProcessOptions _postProcess;
    private readonly AnnotationValidationOptions _annotationValidation;
    // What the injection context takes from the values: the same for every workload of this injector.
    private readonly bool _rewriteAppHttpProbe;
    private readonly bool _holdApplicationFromValues;
    private readonly string _clusterName;
    private readonly string _network;
    private readonly List<string> _warnings = [];
    private string? _sharedProxyConfigJson; // protoToJSON of the mesh's own ProxyConfig, shared by pods without an overlay
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Injector> _previousVersionInjectors = new(StringComparer.Ordinal);

    /// <summary>Loads settings; throws <see cref="KubeInjectException"/> for bad settings or an unknown version.</summary>
    public Injector(InjectionOptions options) : this(options, IstioVersions.Bundled) { }

    /// <summary>An injector choosing among <paramref name="versions"/> (tests add a version folder this way).</summary>
    internal Injector(InjectionOptions options, IstioVersions versions)
    {
        _versions = versions;
        // Whole ConfigMaps as kubectl prints them are accepted for the three cluster settings.
        options = options with
        {
            ValuesText = ConfigMapData.Unwrap(options.ValuesText, "values", options.ValuesName),
            MeshConfigText = ConfigMapData.Unwrap(options.MeshConfigText, "mesh", options.MeshConfigName),
            InjectorConfigText = ConfigMapData.Unwrap(options.InjectorConfigText, "config", options.InjectorConfigName),
        };
        Options = options;
        Kinds = WorkloadKinds.Builtin.With(options.Workloads);
        var givenValues = options.ValuesText is null ? null : ValuesLoader.Load(options.ValuesText, options.ValuesName);
        _profile = VersionChoice.Choose(versions, options, givenValues, _warnings);
        _values = givenValues is null ? BundledSettings.LoadValues(_profile) : ValuesLayering.Over(BundledSettings.LoadValues(_profile), givenValues);
        _mesh = options.MeshConfigText is null
            ? MeshConfigLoader.ApplyMeshConfig(BundledSettings.MeshText(_profile), "bundled mesh")
            : MeshConfigLoader.ApplyMeshConfig(options.MeshConfigText, options.MeshConfigName);
        CheckProxyImage(ProxyImage.Compute(_values, _mesh, null), options.ValuesName);
        _environment = InjectorEnvironment.Of(options);
        _nativeSidecars = InjectorEnvironment.NativeSidecarsOn(_profile, _environment.GetValueOrDefault("ENABLE_NATIVE_SIDECARS", ""));
        _postProcess = PostProcessOptions.For(_profile);
        _annotationValidation = AnnotationValidationOptions.For(_profile);
        _rewriteAppHttpProbe = At(_values, "sidecarInjectorWebhook", "rewriteAppHTTPProbe") is YScalar { Kind: ScalarKind.Bool } rw && (bool)rw.ToValue()!;
        _holdApplicationFromValues = IsTrue(At(_values, "global", "proxy", "holdApplicationUntilProxyStarts"));
        _clusterName = Text(At(_values, "global", "multiCluster", "clusterName"));
        _network = Text(At(_values, "global", "network"));
        _injectorConfig = options.InjectorConfigText is not null ? InjectorConfigFile.Read(options.InjectorConfigText) : InjectorConfig.None;
        _policy = InjectionPolicy.Of(_injectorConfig, _warnings);
        _goTemplates = options.InjectorConfigText is not null
            ? CompileInjectorConfig(_injectorConfig.Templates, options.InjectorConfigName)
            : GoTemplates.BundledGoTemplates.Of(_profile);
        if (options.Templates is not null) _goTemplates = GoTemplates.TemplateOverrides.Apply(_goTemplates, options.Templates, _profile.TemplateFolder);
    }

    // "/proxyv2:1.23.0" would be written without complaint by Istio's injector, and fail only when the pod is pulled.
    private static void CheckProxyImage(string image, string valuesName)
    {
        int slash = image.IndexOf('/', StringComparison.Ordinal), colon = image.LastIndexOf(':');
        if (slash <= 0 || colon < 0 || colon == image.Length - 1)
            throw new KubeInjectException($"the values give no {(slash <= 0 ? "global.hub" : "global.tag")}: the proxy image would be \"{image}\"", new SourceLocation(valuesName));
    }

    /// <summary>The Istio versions whose templates and defaults are bundled, oldest first.</summary>
    public static IReadOnlyList<string> BundledIstioVersions { get; } = [.. IstioVersions.Bundled.All.Select(p => p.Version)];

    /// <summary>The version used when none is asked for (the newest bundled).</summary>
    public static string DefaultIstioVersion => IstioVersions.Bundled.Default.Version;

    /// <summary>The workload table: the built-in kinds and <see cref="InjectionOptions.Workloads"/>.</summary>
    internal WorkloadKinds Kinds { get; }

    /// <summary>The options this injector was built with.</summary>
    public InjectionOptions Options { get; }

    /// <summary>The Istio version whose templates and defaults are used.</summary>
    public string IstioVersion => _profile.Version;

    /// <summary>Warnings about the settings (e.g. a version chosen from the values' tag, a version that is not bundled).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// Injects every workload of a multi-document YAML/JSON text. Documents without workloads, and workloads
    /// that are skipped, come out byte-identical.
    /// </summary>
    /// <exception cref="KubeInjectException">Bad YAML, a refused annotation, a template failure; the location names file, document and line.</exception>
    public InjectionResult Inject(string text, string fileName) => Pipeline().ToResult(text, fileName, outputCapacity: text.Length * 2);

    /// <summary>
    /// Streams the injected text to <paramref name="output"/> document by document, so memory does not grow
    /// with the number of documents. On an exception, the documents before the failing one have been written:
    /// callers that write files should write to a temporary file and rename it only on success.
    /// </summary>
    /// <exception cref="KubeInjectException">As for <see cref="Inject(string, string)"/>.</exception>
    public InjectionSummary Inject(string text, string fileName, TextWriter output)
        => Pipeline().WriteAll(new StringReader(text), fileName, output);

    /// <summary>
    /// Reads the input as a stream too: only one document at a time is held, so neither the input nor the output
    /// has to fit in memory. Otherwise as <see cref="Inject(string, string, TextWriter)"/>.
    /// </summary>
    /// <exception cref="KubeInjectException">As for <see cref="Inject(string, string)"/>.</exception>
    public InjectionSummary Inject(TextReader input, string fileName, TextWriter output)
        => Pipeline().WriteAll(input, fileName, output);

    /// <summary>The document loop with this injector's edit (also for callers that hold the tree, e.g. KRM items).</summary>
    internal WorkloadPipeline Pipeline() => new(Kinds, InjectWorkload, Options.Progress, Options.Parallelism);

    private WorkloadReport InjectWorkload(Workload workload)
    {
        var decision = InjectionDecider.Decide(workload, _profile.StrictInjectValue, _policy);
        if (!decision.Inject)
            return SkipReports.Injection(workload, injected: false, decision.Reason, null, decision.Warnings);

        var location = workload.Location;
        var pod = WrapPod(workload);
        var warnings = decision.Warnings;

        // Re-injection (README "Re-injection"): a previous injection recorded in a parseable status annotation is
        // taken out first, so the result equals injecting the original manifest. Without one (no or an unparseable
        // status), or with ReinjectionMode.IstioMerge, Istio's own semantics apply: the templates are merged over
        // whatever the pod holds (spec §2, §5.4) — what the conformance goldens of already-injected inputs encode.
        if (Options.Reinjection == ReinjectionMode.Replace && PodTree.Annotation(pod, InjectionStatus.AnnotationKey) is { } statusText
            && InjectionStatus.Parse(statusText) is null)
        {
            // Replacing needs the record of what was injected; without it the workload stays as it is (a fixed point).
            return SkipReports.Injection(workload, injected: false, SkipReason.InvalidStatusNotReinjected, null,
                [.. warnings, $"{InjectionStatus.AnnotationKey} is not the JSON Istio writes; the workload is left as it is"]);
        }
        YNode? replaced = null;
        if (Options.Reinjection == ReinjectionMode.Replace && PodUninjector.StatusOf(pod) is { } previous)
        {
            replaced = pod.DeepClone();
            var uninjection = UninjectionContextFor(workload, pod);
            PodUninjector.Remove(pod, previous, uninjection);
            if (uninjection.Warnings.Count > 0) warnings = [.. warnings, .. uninjection.Warnings];
        }

        var settings = PodSettings.Of(pod, _mesh, location);
        AnnotationValidator.ThrowIfInvalid(settings.Annotations, _annotationValidation, location);
        var data = DataFor(workload, pod, settings);
        var patches = Render(data, settings.Annotations, location);
        var mesh = settings.Mesh;
        var proxyConfig = settings.ProxyConfig;

        var context = new InjectionContext
        {
            StatusPort = settings.StatusPort,
            EnablePrometheusMerge = At(mesh, "enablePrometheusMerge") is YScalar { Kind: ScalarKind.Bool } pm ? (bool)pm.ToValue()! : null,
            RewriteAppHttpProbe = _rewriteAppHttpProbe,
            HoldApplicationUntilProxyStarts = IsTrue(proxyConfig["holdApplicationUntilProxyStarts"]) || _holdApplicationFromValues,
            Revision = data.Revision,
            ClusterName = _clusterName,
            Network = _network,
            InterceptionMode = Text(proxyConfig["interceptionMode"]) is { Length: > 0 } mode ? mode : "REDIRECT",
            NativeSidecars = _nativeSidecars,
            InjectedAnnotations = _injectorConfig.InjectedAnnotations,
        };
        try
        {
            var merged = PodInjector.Merge(pod, patches, context, _postProcess);
            PodPostProcessor.Apply(pod, merged.Original, merged.Names, context, _postProcess);
        }
        catch (KubeInjectException e) when (e.Location is null)
        {
            throw new KubeInjectException(e.Message, location, e.Kind, e);
        }
        // Keys the user and the templates share come back where they were (a second run is then a fixed point).
        if (replaced is not null) PreviousLayout.Apply(pod, replaced);
        return SkipReports.Injection(workload, injected: true, null, Sidecar.Find(PodTree.Spec(pod))?.Image, warnings);
    }
}
