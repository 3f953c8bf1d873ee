using System.Text;
using KubeInject.Decision;
using KubeInject.Diagnostics;
using KubeInject.Merging;
using KubeInject.PostProcessing;
using KubeInject.Reading;
using KubeInject.Rendering;
using KubeInject.Selection;
using KubeInject.Settings;
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
    private readonly TemplateRenderer _renderer = new();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly bool _nativeSidecars;
    private readonly List<string> _warnings = [];

    /// <summary>Loads settings; throws <see cref="KubeInjectException"/> for bad settings or an unknown version.</summary>
    public Injector(InjectionOptions options)
    {
        Options = options;
        _profile = IstioVersions.Resolve(options.IstioVersion);
        _values = options.ValuesText is null ? BundledSettings.LoadValues(_profile) : ValuesLoader.Load(options.ValuesText, options.ValuesName);
        _mesh = options.MeshConfigText is null
            ? MeshConfigLoader.ApplyMeshConfig(BundledSettings.MeshText(_profile), "bundled mesh")
            : MeshConfigLoader.ApplyMeshConfig(options.MeshConfigText, options.MeshConfigName);
        _templates = options.Templates ?? new EmbeddedTemplateSource();
        _environment = EffectiveEnvironment(options);
        _nativeSidecars = GoBool.Parse(_environment.GetValueOrDefault("ENABLE_NATIVE_SIDECARS", "")) == true;
        if (options.InjectorConfigText is not null) CheckInjectorConfig(options.InjectorConfigText, options.InjectorConfigName);
    }

    /// <summary>The options this injector was built with.</summary>
    public InjectionOptions Options { get; }

    /// <summary>The Istio version whose templates and defaults are used.</summary>
    public string IstioVersion => _profile.Version;

    /// <summary>Warnings about the settings (e.g. injector-config templates that differ from the stock ones).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// Injects every workload of a multi-document YAML/JSON text. Documents without workloads, and workloads
    /// that are skipped, come out byte-identical.
    /// </summary>
    /// <exception cref="KubeInjectException">Bad YAML, a refused annotation, a template failure; the location names file, document and line.</exception>
    public InjectionResult Inject(string text, string fileName)
    {
        var output = new StringWriter(new StringBuilder(text.Length * 2));
        var summary = Inject(text, fileName, output);
        return new InjectionResult(output.ToString(), summary.Changed, summary.Workloads, summary.Warnings);
    }

    /// <summary>
    /// Streams the injected text to <paramref name="output"/> document by document, so memory does not grow
    /// with the number of documents. On an exception, the documents before the failing one have been written:
    /// callers that write files should write to a temporary file and rename it only on success.
    /// </summary>
    /// <exception cref="KubeInjectException">As for <see cref="Inject(string, string)"/>.</exception>
    public InjectionSummary Inject(string text, string fileName, TextWriter output)
    {
        var reports = new List<WorkloadReport>();
        bool changed = false;
        foreach (var document in ManifestReader.Read(text, fileName))
        {
            foreach (var workload in WorkloadSelector.Select(document, fileName))
                reports.Add(InjectWorkload(workload));
            string written = DocumentWriter.ToText(document);
            changed |= !string.Equals(written, document.Text, StringComparison.Ordinal);
            output.Write(written);
        }
        return new InjectionSummary(changed, reports, []);
    }

    /// <summary>Injects one selected workload in its tree (for callers that hold the tree, e.g. KRM items).</summary>
    internal WorkloadReport InjectSelected(Workload workload) => InjectWorkload(workload);

    private WorkloadReport InjectWorkload(Workload workload)
    {
        var decision = InjectionDecider.Decide(workload, _profile.StrictInjectValue);
        if (!decision.Inject)
            return Report(workload, injected: false, decision.Reason, null, decision.Warnings);

        var location = workload.Location;
        var metadataOwner = workload.MetadataParent ?? throw new KubeInjectException("spec.template is required value", location);
        var specOwner = workload.Root;
        foreach (var key in workload.KindInfo.TemplatePath) specOwner = specOwner[key] as YMapping ?? throw new KubeInjectException($"{string.Join('.', workload.KindInfo.TemplatePath)} is required value", location);
        var pod = PodInjector.Wrap(metadataOwner, specOwner);

        var annotations = StringMap(((YMapping)pod["metadata"]!)["annotations"]);
        var mesh = ProxyConfigOverlay.Apply(_mesh, annotations.GetValueOrDefault(ProxyConfigOverlay.AnnotationName), location);
        AnnotationValidator.ThrowIfInvalid(annotations, AnnotationValidationOptions.For(_profile), location);
        var proxyConfig = ProxyConfigOverlay.ProxyConfigOf(mesh);
        int statusPort = IntOf(proxyConfig["statusPort"], 15020);

        var stripped = PreviousInjection.Strip(pod, statusPort);
        var strippedMeta = (YMapping)stripped["metadata"]!;
        var identity = WorkloadIdentity.Of(workload);
        var data = new TemplateData
        {
            Kind = identity.Kind,
            ApiVersion = identity.ApiVersion,
            DeploymentName = identity.Name,
            DeploymentNamespace = identity.Namespace,
            ObjectMeta = strippedMeta,
            Spec = stripped["spec"] as YMapping ?? new YMapping(),
            ProxyConfig = proxyConfig,
            ProxyConfigJson = ProxyConfigJson.Format(proxyConfig),
            MeshConfig = mesh,
            Values = _values,
            Revision = Options.Revision is "default" ? "" : Options.Revision,
            ProxyImage = ProxyImage.Compute(_values, mesh, StringMap(strippedMeta["annotations"])),
            InboundTrafficPolicyMode = Str(Path(mesh, "inboundTrafficPolicy", "mode")) == "LOCALHOST" ? "localhost" : "passthrough",
            CompliancePolicy = _environment.GetValueOrDefault("COMPLIANCE_POLICY", ""),
            NativeSidecars = _nativeSidecars,
            Environment = _environment,
        };

        var patches = new List<YMapping>();
        foreach (var name in TemplateNames(annotations))
        {
            string rendered;
            try
            {
                rendered = _renderer.Render(_templates, _profile.TemplateFolder, name, data);
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
            patches.Add(patch);
        }

        var context = new InjectionContext
        {
            StatusPort = statusPort,
            EnablePrometheusMerge = Path(mesh, "enablePrometheusMerge") is YScalar { Kind: ScalarKind.Bool } pm ? (bool)pm.ToValue()! : null,
            RewriteAppHttpProbe = Path(_values, "sidecarInjectorWebhook", "rewriteAppHTTPProbe") is YScalar { Kind: ScalarKind.Bool } rw && (bool)rw.ToValue()!,
            HoldApplicationUntilProxyStarts = IsTrue(proxyConfig["holdApplicationUntilProxyStarts"]) || IsTrue(Path(_values, "global", "proxy", "holdApplicationUntilProxyStarts")),
            Revision = data.Revision,
            ClusterName = Str(Path(_values, "global", "multiCluster", "clusterName")),
            Network = Str(Path(_values, "global", "network")),
            InterceptionMode = Str(proxyConfig["interceptionMode"]) is { Length: > 0 } mode ? mode : "REDIRECT",
            NativeSidecars = _nativeSidecars,
        };
        try
        {
            PodInjector.Merge(pod, patches, context, _profile.AddProbersToInjectedPods ? PostProcessOptions.Istio129 : PostProcessOptions.Istio123);
        }
        catch (KubeInjectException e) when (e.Location is null)
        {
            throw new KubeInjectException(e.Message, location, e.Kind, e);
        }
        GoTypedOutput.Apply(workload.Root, workload.Kind, pod["spec"] as YMapping);
        return Report(workload, injected: true, null, ProxyImageOf(pod), decision.Warnings);
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

    private void CheckInjectorConfig(string text, string name)
    {
        var templates = InjectorConfigFile.ReadTemplates(text);
        foreach (var (templateName, goText) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (_profile.StockTemplateSha256.ContainsKey(templateName))
            {
                if (!_profile.IsStockTemplate(templateName, goText))
                    _warnings.Add($"{name}: template \"{templateName}\" differs from Istio {_profile.Version}'s stock template; KubeInject renders its own port of the stock template (pass --templates DIR with a Scriban port to use yours)");
            }
            else if (templateName is not ("waypoint" or "kube-gateway" or "agentgateway"))
                _warnings.Add($"{name}: custom template \"{templateName}\" is not used; KubeInject does not run Go templates (pass --templates DIR with a Scriban port)");
        }
    }

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
