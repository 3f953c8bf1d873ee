using KubeInject.Checking.Policies;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Selection;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Checking;

/// <summary>A namespace declared by a <c>Namespace</c> document of the input.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Labels">Its labels (Go string values).</param>
/// <param name="Location">Where the document is.</param>
internal sealed record DeclaredNamespace(string Name, IReadOnlyDictionary<string, string> Labels, SourceLocation Location);

/// <summary>
/// Everything the checks need from the inputs, read once with the injector's reader and selector: the workloads,
/// the <c>Namespace</c> documents, and the webhooks of any <c>MutatingWebhookConfiguration</c>.
/// </summary>
internal sealed class ManifestSet
{
    private const string InjectorWebhookSuffix = "sidecar-injector.istio.io";

    public List<Workload> Workloads { get; } = [];

    public Dictionary<string, DeclaredNamespace> Namespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>All webhooks of the input's MutatingWebhookConfigurations.</summary>
    public List<InjectionWebhook> Webhooks { get; } = [];

    /// <summary>The Istio resources that configure sidecars (PeerAuthentication, AuthorizationPolicy, …), in input order.</summary>
    public List<IstioPolicy> Policies { get; } = [];

    private string _defaultNamespace = "default";

    /// <summary>Reads every input; throws <see cref="KubeInjectException"/> for unparseable YAML.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="defaultNamespace">The namespace of objects whose manifest names none.</param>
    /// <param name="kinds">The workload table (default: the built-in kinds).</param>
    public static ManifestSet Read(IEnumerable<ManifestInput> inputs, string defaultNamespace = "default", WorkloadKinds? kinds = null)
    {
        kinds ??= WorkloadKinds.Builtin;
        var set = new ManifestSet { _defaultNamespace = defaultNamespace };
        foreach (var input in inputs)
        {
            foreach (var document in ManifestReader.Read(input.Text, input.FileName))
            {
                set.Workloads.AddRange(WorkloadSelector.Select(document, input.FileName, kinds));
                if (document.Root is YMapping root) set.CollectClusterObjects(root, document, input.FileName);
            }
        }
        return set;
    }

    /// <summary>
    /// The injection webhooks the input declares: those named <c>*sidecar-injector.istio.io</c> (Istio's names,
    /// also used by revision tags), or every webhook when none is so named; empty when the input has none.
    /// </summary>
    public IReadOnlyList<InjectionWebhook> InjectionWebhooks()
    {
        var istio = Webhooks.Where(w => w.Name.EndsWith(InjectorWebhookSuffix, StringComparison.Ordinal)).ToList();
        return istio.Count > 0 ? istio : Webhooks;
    }

    private void CollectClusterObjects(YMapping obj, ManifestDocument document, string fileName)
    {
        switch (Text(obj["kind"]))
        {
            case WorkloadKinds.List:
                if (obj["items"] is YSequence items)
                    foreach (var item in items.Items.OfType<YMapping>()) CollectClusterObjects(item, document, fileName);
                break;
            case "Namespace":
                var meta = obj["metadata"] as YMapping;
                string name = Text(meta?["name"]);
                if (name.Length > 0 && !Namespaces.ContainsKey(name))
                    Namespaces[name] = new DeclaredNamespace(name, StringMap(meta?["labels"]), new SourceLocation(fileName, document.Index, obj.Line, obj.Column));
                break;
            case "MutatingWebhookConfiguration":
                if (obj["webhooks"] is YSequence hooks)
                    foreach (var h in hooks.Items.OfType<YMapping>())
                        Webhooks.Add(new InjectionWebhook(Text(h["name"]), LabelSelector.Parse(h["namespaceSelector"]), LabelSelector.Parse(h["objectSelector"])));
                break;
            default:
                if (IstioPolicy.TryRead(obj, new SourceLocation(fileName, document.Index, obj.Line, obj.Column), _defaultNamespace) is { } policy)
                    Policies.Add(policy);
                break;
        }
    }

}
