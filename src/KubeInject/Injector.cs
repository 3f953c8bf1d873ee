using KubeInject.Checking;
using KubeInject.Decision;
using KubeInject.Diagnostics;
using KubeInject.Merging;
using KubeInject.PostProcessing;
using KubeInject.Reading;
using KubeInject.Rendering;
using KubeInject.Selection;
using KubeInject.Settings;
using KubeInject.Uninjection;
using KubeInject.Writing;
using KubeInject.Yaml;

namespace KubeInject;

/// <summary>
/// Injects Istio's sidecar into manifests. Configure once (settings are parsed in the constructor), then
/// call <see cref="Inject(string, string)"/> per input. Wires the stages: read → select → decide → render → merge →
/// post-process → write; each stage lives in its own folder.
/// </summary>
public sealed partial class Injector
{
    private const string TemplatesAnnotation = "inject.istio.io/templates";
    private static readonly string[] DefaultTemplates = ["sidecar"];

    private readonly IstioVersionProfile _profile;
    private readonly YMapping _values;
    private readonly YMapping _mesh;
    private readonly ITemplateSource _templates;
    // The cluster's own Go templates (--injector-config), compiled up front as Istio parses them; null without one.
    private readonly IReadOnlyDictionary<string, GoTemplates.GoTemplate>? _goTemplates;
    private readonly TemplateRenderer _renderer = new();
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
    public Injector(InjectionOptions options)
    {
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
        _profile = ResolveVersion(options, givenValues);
        _values = givenValues is null ? BundledSettings.LoadValues(_profile) : ValuesLayering.Over(BundledSettings.LoadValues(_profile), givenValues);
        _mesh = options.MeshConfigText is null
            ? MeshConfigLoader.ApplyMeshConfig(BundledSettings.MeshText(_profile), "bundled mesh")
            : MeshConfigLoader.ApplyMeshConfig(options.MeshConfigText, options.MeshConfigName);
        CheckProxyImage(ProxyImage.Compute(_values, _mesh, null), options.ValuesName);
        _templates = options.Templates ?? new EmbeddedTemplateSource();
        _environment = EffectiveEnvironment(options);
        _nativeSidecars = NativeSidecarsOn(_profile, _environment.GetValueOrDefault("ENABLE_NATIVE_SIDECARS", ""));
        _postProcess = PostProcessOptions.For(_profile);
        _annotationValidation = AnnotationValidationOptions.For(_profile);
        _rewriteAppHttpProbe = Path(_values, "sidecarInjectorWebhook", "rewriteAppHTTPProbe") is YScalar { Kind: ScalarKind.Bool } rw && (bool)rw.ToValue()!;
        _holdApplicationFromValues = IsTrue(Path(_values, "global", "proxy", "holdApplicationUntilProxyStarts"));
        _clusterName = Str(Path(_values, "global", "multiCluster", "clusterName"));
        _network = Str(Path(_values, "global", "network"));
        // Scriban ports given with --templates win; else the cluster's templates (--injector-config); else Istio's
        // stock Go templates of the version.
        if (options.Templates is null)
            _goTemplates = options.InjectorConfigText is not null
                ? CompileInjectorConfig(options.InjectorConfigText, options.InjectorConfigName)
                : GoTemplates.BundledGoTemplates.Of(_profile.TemplateFolder);
    }

    // "/proxyv2:1.23.0" would be written without complaint by Istio's injector, and fail only when the pod is pulled.
    private static void CheckProxyImage(string image, string valuesName)
    {
        int slash = image.IndexOf('/', StringComparison.Ordinal), colon = image.LastIndexOf(':');
        if (slash <= 0 || colon < 0 || colon == image.Length - 1)
            throw new KubeInjectException($"the values give no {(slash <= 0 ? "global.hub" : "global.tag")}: the proxy image would be \"{image}\"", new SourceLocation(valuesName));
    }

    /// <summary>The Istio versions whose templates and defaults are bundled, oldest first.</summary>
    public static IReadOnlyList<string> BundledIstioVersions { get; } = [.. IstioVersions.All.Select(p => p.Version)];

    /// <summary>The version used when none is asked for (the newest bundled).</summary>
    public static string DefaultIstioVersion => IstioVersions.Default.Version;

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
    public InjectionResult Inject(string text, string fileName) =>
        WorkloadRewrite.ToResult(text, fileName, Kinds, InjectWorkload, outputCapacity: text.Length * 2, Options.Progress);

    /// <summary>
    /// Streams the injected text to <paramref name="output"/> document by document, so memory does not grow
    /// with the number of documents. On an exception, the documents before the failing one have been written:
    /// callers that write files should write to a temporary file and rename it only on success.
    /// </summary>
    /// <exception cref="KubeInjectException">As for <see cref="Inject(string, string)"/>.</exception>
    public InjectionSummary Inject(string text, string fileName, TextWriter output)
        => WorkloadRewrite.Run(new StringReader(text), fileName, output, Kinds, InjectWorkload, Options.Progress);

    /// <summary>
    /// Reads the input as a stream too: only one document at a time is held, so neither the input nor the output
    /// has to fit in memory. Otherwise as <see cref="Inject(string, string, TextWriter)"/>.
    /// </summary>
    /// <exception cref="KubeInjectException">As for <see cref="Inject(string, string)"/>.</exception>
    public InjectionSummary Inject(TextReader input, string fileName, TextWriter output)
        => WorkloadRewrite.Run(input, fileName, output, Kinds, InjectWorkload, Options.Progress);

    /// <summary>Injects one selected workload in its tree (for callers that hold the tree, e.g. KRM items).</summary>
    internal WorkloadReport InjectSelected(Workload workload) => InjectWorkload(workload);

    private WorkloadReport InjectWorkload(Workload workload)
    {
        var decision = InjectionDecider.Decide(workload, _profile.StrictInjectValue);
        if (!decision.Inject)
            return Report(workload, injected: false, decision.Reason, null, decision.Warnings);

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
            return Report(workload, injected: false, SkipReason.InvalidStatusNotReinjected, null,
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

        var settings = SettingsOf(pod, location);
        AnnotationValidator.ThrowIfInvalid(settings.Annotations, _annotationValidation, location);
        var data = DataFor(workload, pod, settings);
        var patches = Render(data, settings.Annotations, location);
        var mesh = settings.Mesh;
        var proxyConfig = settings.ProxyConfig;

        var context = new InjectionContext
        {
            StatusPort = settings.StatusPort,
            EnablePrometheusMerge = Path(mesh, "enablePrometheusMerge") is YScalar { Kind: ScalarKind.Bool } pm ? (bool)pm.ToValue()! : null,
            RewriteAppHttpProbe = _rewriteAppHttpProbe,
            HoldApplicationUntilProxyStarts = IsTrue(proxyConfig["holdApplicationUntilProxyStarts"]) || _holdApplicationFromValues,
            Revision = data.Revision,
            ClusterName = _clusterName,
            Network = _network,
            InterceptionMode = Str(proxyConfig["interceptionMode"]) is { Length: > 0 } mode ? mode : "REDIRECT",
            NativeSidecars = _nativeSidecars,
        };
        try
        {
            PodInjector.Merge(pod, patches, context, _postProcess);
        }
        catch (KubeInjectException e) when (e.Location is null)
        {
            throw new KubeInjectException(e.Message, location, e.Kind, e);
        }
        // Keys the user and the templates share come back where they were (a second run is then a fixed point).
        if (replaced is not null) PreviousLayout.Apply(pod, replaced);
        return Report(workload, injected: true, null, ProxyImageOf(pod), warnings);
    }

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
            StatusPort = SettingsOf(pod, workload.Location).StatusPort,
            Network = _network,
            RenderTemplatePod = p => writer.TemplatePod(workload, p),
        };
    }

    // What injection wrote is known by rendering the templates that wrote it: those of the bundled release whose
    // minor version the sidecar's image tag names (a 1.22.x sidecar → 1.22.4's templates), else our own.
    private Injector InjectorOfPreviousInjection(YMapping pod)
    {
        var version = Sidecar.Find(pod["spec"] as YMapping)?.Version;
        if (version is null || version == Sidecar.UnknownVersion) return this;
        if (IstioVersions.FindByMinor(version) is not { } profile || profile == _profile) return this;
        return _previousVersionInjectors.GetOrAdd(profile.Version,
            v => new Injector(Options with { IstioVersion = v, InjectorConfigText = null }));
    }

    // All selected templates rendered for the pod and merged onto an empty pod (what injection writes).
    private YMapping TemplatePod(Workload workload, YMapping pod)
    {
        var settings = SettingsOf(pod, workload.Location);
        var templatePod = new YMapping();
        foreach (var patch in Render(DataFor(workload, pod, settings), settings.Annotations, workload.Location))
            StrategicMerge.ApplyConsumingPatch(templatePod, patch);
        return templatePod;
    }

    private sealed record PodSettings(YMapping Mesh, YMapping ProxyConfig, int StatusPort, Dictionary<string, string> Annotations);

    private PodSettings SettingsOf(YMapping pod, SourceLocation location)
    {
        var annotations = StringMap(((YMapping)pod["metadata"]!)["annotations"]);
        // Without a proxy.istio.io/config annotation every pod shares the injector's mesh config: the stages
        // downstream only read it, and the template model then converts it once, not once per workload.
        var overlay = annotations.GetValueOrDefault(ProxyConfigOverlay.AnnotationName);
        var mesh = overlay is null ? _mesh : ProxyConfigOverlay.Apply(_mesh, overlay, location);
        var proxyConfig = ProxyConfigOverlay.ProxyConfigOf(mesh);
        return new PodSettings(mesh, proxyConfig, IntOf(proxyConfig["statusPort"], 15020), annotations);
    }

    private TemplateData DataFor(Workload workload, YMapping pod, PodSettings settings)
    {
        var stripped = PreviousInjection.Strip(pod, settings.StatusPort);
        var strippedMeta = (YMapping)stripped["metadata"]!;
        var identity = WorkloadIdentity.Of(workload);
        var mesh = settings.Mesh;
        return new TemplateData
        {
            Kind = identity.Kind,
            ApiVersion = identity.ApiVersion,
            DeploymentName = identity.Name,
            DeploymentNamespace = identity.Namespace,
            ObjectMeta = strippedMeta,
            Spec = stripped["spec"] as YMapping ?? new YMapping(),
            ProxyConfig = settings.ProxyConfig,
            ProxyConfigJson = ReferenceEquals(mesh, _mesh)
                ? _sharedProxyConfigJson ??= ProxyConfigJson.Format(settings.ProxyConfig)
                : ProxyConfigJson.Format(settings.ProxyConfig),
            MeshConfig = mesh,
            Values = _values,
            Revision = Options.Revision is "default" ? "" : Options.Revision,
            ProxyImage = ProxyImage.Compute(_values, mesh, StringMap(strippedMeta["annotations"])),
            InboundTrafficPolicyMode = Str(Path(mesh, "inboundTrafficPolicy", "mode")) == "LOCALHOST" ? "localhost" : "passthrough",
            CompliancePolicy = _environment.GetValueOrDefault("COMPLIANCE_POLICY", ""),
            NativeSidecars = _nativeSidecars,
            MultusNamespaceMatching = _profile.MultusNamespaceMatching,
            Environment = _environment,
        };
    }

    private List<YMapping> Render(TemplateData data, IReadOnlyDictionary<string, string> annotations, SourceLocation location)
    {
        var patches = new List<YMapping>();
        foreach (var name in TemplateNames(annotations))
        {
            string rendered;
            try
            {
                if (_goTemplates is null) rendered = _renderer.Render(_templates, _profile.TemplateFolder, name, data);
                else if (_goTemplates.TryGetValue(name, out var goTemplate)) rendered = GoTemplates.IstioTemplateData.Render(goTemplate, data);
                else throw new KubeInjectException($"requested template \"{name}\" not found; have {string.Join(", ", _goTemplates.Keys)}", null, ErrorKind.BadInput);
            }
            catch (KubeInjectException e)
            {
                throw new KubeInjectException($"failed to run injection template: {e.Message}", location, e.Kind, e);
            }
            var patch = YamlFragment.Parse(rendered, $"template {name}") switch
            {
                YMapping m => m,
                null => new YMapping(),
                _ => throw new KubeInjectException($"failed applying injection overlay: template \"{name}\" did not render a mapping", location),
            };
            if (_goTemplates is not null) GoTemplates.RenderedPatchTyping.Apply(patch, _profile.ZeroResourceFieldRefDivisor);
            patches.Add(patch);
        }
        return patches;
    }

    private static IEnumerable<string> TemplateNames(IReadOnlyDictionary<string, string> annotations) =>
        annotations.TryGetValue(TemplatesAnnotation, out var list) ? list.Split(',').Select(s => s.Trim()) : DefaultTemplates;

    private static WorkloadReport Report(Workload w, bool injected, SkipReason? reason, string? image, IReadOnlyList<string> warnings) =>
        new(w.Kind, w.Namespace, w.Name, w.Location, injected, reason, image, warnings, reason is null ? null : SkipMessage(w, reason));

    // Istio's wording (spec §2): TypeMeta kind (owner-derived for Pods), and the pod template's own name when it
    // has one, else the workload's; prefixed with the workload's namespace.
    private static string SkipMessage(Workload w, SkipReason reason)
    {
        var identity = WorkloadIdentity.Of(w);
        string name = Str(w.PodMetadata?["name"]) is { Length: > 0 } templateName ? templateName : identity.Name;
        string fullName = identity.Namespace.Length > 0 ? $"{identity.Namespace}/{name}" : name;
        string kind = identity.Kind.Length > 0 ? identity.Kind + " " : "";
        return $"Skipping injection because {kind}\"{fullName}\" {reason.Sentence}";
    }

    private static string? ProxyImageOf(YMapping pod)
    {
        var spec = pod["spec"] as YMapping;
        foreach (var list in new[] { "containers", "initContainers" })
            if (spec?[list] is YSequence items)
                foreach (var c in items.Items.OfType<YMapping>())
                    if (Str(c["name"]) == "istio-proxy") return Str(c["image"]);
        return null;
    }

    // kube-inject parses every template of the injector config up front (a parse error in any, even an unused
    // waypoint template, aborts) and renders only those: the cluster's templates, never a port of the stock ones.
    private static Dictionary<string, GoTemplates.GoTemplate> CompileInjectorConfig(string text, string name)
    {
        var compiled = new Dictionary<string, GoTemplates.GoTemplate>(StringComparer.Ordinal);
        foreach (var (templateName, goText) in InjectorConfigFile.ReadTemplates(text))
        {
            try
            {
                compiled[templateName] = GoTemplates.GoTemplate.Compile(templateName, goText);
            }
            catch (KubeInjectException e)
            {
                throw new KubeInjectException($"{name}: {e.Message}", e.Location, e.Kind, e);
            }
        }
        return compiled;
    }

    // An explicit version wins. Without one, values whose global.tag names a bundled version (as an installed
    // cluster's injector configmap does) pick that version: its templates must match the values' shape.
    private IstioVersionProfile ResolveVersion(InjectionOptions options, YMapping? values)
    {
        if (!string.IsNullOrWhiteSpace(options.IstioVersion) || values is null)
        {
            // A version we do not bundle works with that cluster's own three files: only the Go-code behaviour
            // comes from us, from the newest bundled profile at or below it.
            if (IstioVersions.FindExact(options.IstioVersion?.Trim().TrimStart('v', 'V')) is null && IstioVersions.Numbers(options.IstioVersion) is not null
                && values is not null && options.MeshConfigText is not null && options.InjectorConfigText is not null
                && !IsBundledMinorOnly(options.IstioVersion!) && IstioVersions.FallbackFor(options.IstioVersion) is { } basis)
            {
                var version = options.IstioVersion!.Trim().TrimStart('v', 'V');
                _warnings.Add($"Istio {version} is not bundled: its templates, values and mesh config come from the given files, and the injector's Go-code behaviour follows Istio {basis.Version}, the newest bundled version at or below it");
                return basis with { Version = version };
            }
            return IstioVersions.Resolve(options.IstioVersion);
        }
        var tag = Str(Path(values, "global", "tag"));
        if (IstioVersions.FindExact(tag) is not { } byTag) return IstioVersions.Default;
        _warnings.Add($"{options.ValuesName}: global.tag is {tag}, a bundled Istio version; using Istio {byTag.Version}'s templates (pass --istio-version to choose another)");
        return byTag;
    }

    // "1.29" names a bundled minor release: Resolve picks its patch.
    private static bool IsBundledMinorOnly(string version)
    {
        var v = version.Trim().TrimStart('v', 'V');
        return v.Count(c => c == '.') == 1 && IstioVersions.All.Any(p => p.Version.StartsWith(v + ".", StringComparison.Ordinal));
    }

    // The Go-side native-sidecar flag offline: 1.29 reads ENABLE_NATIVE_SIDECARS as a mode where only "true"
    // enables (auto needs a cluster); 1.22/1.23 parse it as a Go bool.
    private static bool NativeSidecarsOn(IstioVersionProfile profile, string value) =>
        profile.NativeSidecarsEnvIsMode ? value == "true" : GoBool.Parse(value) == true;

    // What Istio's injector would read from its process environment; the native-sidecar flag, when
    // given explicitly, wins over the variable so templates that read `env "ENABLE_NATIVE_SIDECARS"` agree.
    private static IReadOnlyDictionary<string, string> EffectiveEnvironment(InjectionOptions options)
    {
        var env = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        switch (options.NativeSidecars)
        {
            case NativeSidecarMode.Enabled: env["ENABLE_NATIVE_SIDECARS"] = "true"; break;
            case NativeSidecarMode.Disabled: env["ENABLE_NATIVE_SIDECARS"] = "false"; break;
        }
        return env;
    }

    private static Dictionary<string, string> StringMap(YNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YMapping m)
            foreach (var e in m.Entries) map[e.Name] = e.Value is YScalar s ? s.AsGoString() : e.Value.ToString();
        return map;
    }

    private static YNode? Path(YMapping root, params string[] keys)
    {
        YNode? node = root;
        foreach (var k in keys) node = (node as YMapping)?[k];
        return node;
    }

    private static bool IsTrue(YNode? node) => node is YScalar { Kind: ScalarKind.Bool } s && (bool)s.ToValue()!;

    private static string Str(YNode? node) => node is YScalar s ? s.AsGoString() : "";

    private static int IntOf(YNode? node, int fallback) =>
        node is YScalar s && int.TryParse(s.AsGoString(), out var v) ? v : fallback;
}
