using KubeInject.Diagnostics;
using KubeInject.Merging;
using KubeInject.Rendering;
using KubeInject.Selection;
using KubeInject.Settings;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject;

// The render stage's wiring: the templates' data for a pod, the selected templates rendered and parsed.
public sealed partial class Injector
{
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
            InboundTrafficPolicyMode = Text(At(mesh, "inboundTrafficPolicy", "mode")) == "LOCALHOST" ? "localhost" : "passthrough",
            CompliancePolicy = _environment.GetValueOrDefault("COMPLIANCE_POLICY", ""),
            NativeSidecars = _nativeSidecars,
            MultusNamespaceMatching = _profile.MultusNamespaceMatching,
            Environment = _environment,
            Now = Options.Clock.GetUtcNow(),
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
                if (_goTemplates.TryGetValue(name, out var goTemplate)) rendered = GoTemplates.IstioTemplateData.Render(goTemplate, data);
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
            GoTemplates.RenderedPatchTyping.Apply(patch, _profile.ZeroResourceFieldRefDivisor);
            patches.Add(patch);
        }
        return patches;
    }

    private IEnumerable<string> TemplateNames(IReadOnlyDictionary<string, string> annotations) =>
        _injectorConfig.TemplatesFor(annotations.GetValueOrDefault(TemplatesAnnotation));

    // kube-inject parses every template of the injector config up front (a parse error in any, even an unused
    // waypoint template, aborts) and renders only those: the cluster's templates, never a port of the stock ones.
    private static Dictionary<string, GoTemplates.GoTemplate> CompileInjectorConfig(IReadOnlyDictionary<string, string> templates, string name)
    {
        var compiled = new Dictionary<string, GoTemplates.GoTemplate>(StringComparer.Ordinal);
        foreach (var (templateName, goText) in templates)
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
}
