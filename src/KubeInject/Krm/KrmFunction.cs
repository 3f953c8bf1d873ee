using System.Text;
using System.Text.RegularExpressions;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Writing;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Krm;

/// <summary>
/// Runs the injector as a KRM function (the kpt / kustomize function spec): reads a <c>ResourceList</c> text,
/// injects its <c>items</c>, takes settings from its <c>functionConfig</c>, and returns the ResourceList with the
/// injected items and a <c>results</c> list. Items are edited in place in the parsed text, so everything the
/// injector does not change (every <c>config.kubernetes.io/*</c>, <c>internal.config.kubernetes.io/*</c> and
/// <c>config.k8s.io/id</c> annotation, comments, other items) is written back as it came.
/// </summary>
/// <remarks>
/// <para><c>functionConfig</c> may be our own kind (<c>apiVersion: kube-inject.io/v1alpha1</c>,
/// <c>kind: KubeInjectConfig</c>, settings under <c>spec</c>) or a <c>ConfigMap</c> (settings under <c>data</c>, the form
/// kpt builds from <c>kpt fn eval … -- key=value</c>). Keys: <c>istioVersion</c>, <c>revision</c>,
/// <c>nativeSidecars</c> (<c>true</c>/<c>false</c>/<c>auto</c>), <c>values</c>, <c>meshConfig</c> and <c>injectorConfig</c>
/// (text, or a mapping in <c>KubeInjectConfig</c>), <c>workloads</c> (<see cref="SettingKeys"/>); kebab-case spellings
/// (<c>istio-version</c>, <c>mesh-config</c>) work too.</para>
/// </remarks>
public sealed partial class KrmFunction
{
    /// <summary>The <c>apiVersion</c> of our own functionConfig kind.</summary>
    public const string ConfigApiVersion = "kube-inject.io/v1alpha1";

    /// <summary>Our own functionConfig kind.</summary>
    public const string ConfigKind = "KubeInjectConfig";

    private static readonly string[] KeptAnnotationPrefixes = ["config.kubernetes.io/", "internal.config.kubernetes.io/", "config.k8s.io/id"];

    /// <summary>Creates a function whose settings start from <paramref name="baseOptions"/>; functionConfig settings win.</summary>
    public KrmFunction(InjectionOptions baseOptions) => BaseOptions = baseOptions;

    /// <summary>The settings used when functionConfig does not set them.</summary>
    public InjectionOptions BaseOptions { get; }

    /// <summary>True when the text's first document is a <c>kind: ResourceList</c> (a cheap look at the top-level keys).</summary>
    public static bool IsResourceList(string text) => ResourceListKind().IsMatch(text);

    [GeneratedRegex(@"^kind:[ \t]*[""']?ResourceList[""']?[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex ResourceListKind();

    /// <summary>Processes one ResourceList. Problems are reported in <see cref="KrmResult.Results"/>, not thrown.</summary>
    public KrmResult Run(string resourceListText)
    {
        var results = new List<KrmResultItem>();
        var reports = new List<WorkloadReport>();
        List<ManifestDocument> documents;
        try
        {
            documents = ManifestReader.Read(resourceListText, "ResourceList").ToList();
        }
        catch (KubeInjectException e)
        {
            results.Add(new KrmResultItem("error", $"cannot read the ResourceList: {e}"));
            return new KrmResult(ErrorOnlyResourceList(results), results, reports);
        }
        var list = documents.FirstOrDefault(d => d.Root is YMapping);
        if (list?.Root is not YMapping root || Text(root["kind"]) != "ResourceList")
        {
            results.Add(new KrmResultItem("error", "stdin is not a ResourceList (kind: ResourceList with items)"));
            return new KrmResult(ErrorOnlyResourceList(results), results, reports);
        }

        Injector? injector = null;
        try
        {
            injector = new Injector(OptionsFrom(root["functionConfig"] as YMapping));
            foreach (var w in injector.Warnings) results.Add(new KrmResultItem("warning", w));
        }
        catch (KubeInjectException e)
        {
            results.Add(new KrmResultItem("error", $"functionConfig: {e}"));
        }

        if (injector is not null && root["items"] is YSequence items)
        {
            var pipeline = injector.Pipeline();
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] is not YMapping item) continue;
                var (path, index) = FileOf(item);
                var reference = RefOf(item);
                var kept = KeptAnnotations(item);
                try
                {
                    foreach (var (workload, report) in pipeline.EditObject(item, index ?? i, path ?? $"items[{i}]"))
                    {
                        reports.Add(report);
                        var workloadRef = ReferenceEquals(workload.Root, item) ? reference : new KrmResourceRef(workload.ApiVersion, workload.Kind, workload.Name, workload.Namespace);
                        if (!report.Injected)
                            results.Add(new KrmResultItem("info", report.SkipMessage ?? $"{report.DisplayName}: not injected", workloadRef, path, index));
                        foreach (var warning in report.Warnings)
                            results.Add(new KrmResultItem("warning", warning, workloadRef, path, index));
                    }
                }
                catch (KubeInjectException e)
                {
                    results.Add(new KrmResultItem("error", e.Message, reference, path, index));
                }
                RestoreAnnotations(item, kept);
            }
        }

        root.Set("results", ResultsNode(results));
        var output = new StringBuilder(resourceListText.Length * 2);
        foreach (var d in documents) output.Append(DocumentWriter.ToText(d));
        if (output.Length > 0 && output[^1] != '\n') output.Append('\n');
        return new KrmResult(output.ToString(), results, reports);
    }

    /// <summary>
    /// The settings a functionConfig text (a <c>KubeInjectConfig</c> or <c>ConfigMap</c> document) gives, over
    /// <see cref="BaseOptions"/>; for kustomize's legacy exec plugins, which pass the config as a file.
    /// </summary>
    /// <exception cref="KubeInjectException">The text is not YAML, or a setting is unknown or invalid.</exception>
    public InjectionOptions OptionsFor(string functionConfigText) =>
        OptionsFrom(ManifestReader.Read(functionConfigText, "functionConfig").Select(d => d.Root).OfType<YMapping>().FirstOrDefault());

    private InjectionOptions OptionsFrom(YMapping? config)
    {
        var options = BaseOptions;
        if (config is null) return options;
        string kind = Text(config["kind"]);
        YMapping? settings = kind switch
        {
            "ConfigMap" => config["data"] as YMapping,
            ConfigKind => config["spec"] as YMapping,
            "" => null,
            _ => throw new KubeInjectException($"unsupported functionConfig kind \"{kind}\" (use {ConfigKind} from {ConfigApiVersion}, or a ConfigMap)", kind: ErrorKind.Usage),
        };
        if (settings is null) return options;
        foreach (var entry in settings.Entries)
        {
            string value = entry.Value is YScalar s ? s.AsGoString() : entry.Value.ToString();
            options = SettingKeys.Canonical(entry.Name) switch
            {
                SettingKeys.IstioVersion => options with { IstioVersion = value.Length == 0 ? null : value },
                SettingKeys.Revision => options with { Revision = value },
                SettingKeys.NativeSidecars => options with { NativeSidecars = SettingKeys.ParseNativeSidecars(value) },
                SettingKeys.Values => options with { ValuesText = value, ValuesName = "functionConfig values" },
                SettingKeys.MeshConfig => options with { MeshConfigText = value, MeshConfigName = "functionConfig meshConfig" },
                SettingKeys.InjectorConfig => options with { InjectorConfigText = value, InjectorConfigName = "functionConfig injectorConfig" },
                SettingKeys.Workloads => options with { Workloads = [.. options.Workloads, .. WorkloadsFrom(entry.Value)] },
                _ => throw new KubeInjectException($"unknown functionConfig setting \"{entry.Name}\" (known: {string.Join(", ", SettingKeys.All)})", kind: ErrorKind.Usage),
            };
        }
        return options;
    }

    // workloads: a list of {group, kind, podTemplate} (KubeInjectConfig), or the same list as YAML text (a ConfigMap's data).
    private static IEnumerable<Selection.WorkloadKindSpec> WorkloadsFrom(YNode value)
    {
        var list = value is YScalar text ? ManifestReader.Read(text.Value, "functionConfig workloads").Select(d => d.Root).FirstOrDefault() : value;
        if (list is not YSequence items)
            throw new KubeInjectException("functionConfig workloads must be a list of {group, kind, podTemplate}", kind: ErrorKind.Usage);
        foreach (var item in items.Items)
        {
            if (item is not YMapping m)
                throw new KubeInjectException("a functionConfig workloads entry must be a mapping {group, kind, podTemplate}", kind: ErrorKind.Usage);
            var spec = new Selection.WorkloadKindSpec(Text(m["group"]), Text(m["kind"]), Text(m["podTemplate"]));
            spec.Validate(new SourceLocation("functionConfig workloads", 0, m.Line, m.Column));
            yield return spec;
        }
    }

    private static (string? Path, int? Index) FileOf(YMapping item)
    {
        var annotations = (item["metadata"] as YMapping)?["annotations"] as YMapping;
        string? path = NonEmpty(Text(annotations?["internal.config.kubernetes.io/path"])) ?? NonEmpty(Text(annotations?["config.kubernetes.io/path"]));
        string index = NonEmpty(Text(annotations?["internal.config.kubernetes.io/index"])) ?? Text(annotations?["config.kubernetes.io/index"]);
        return (path, int.TryParse(index, out var i) ? i : null);
    }

    private static KrmResourceRef RefOf(YMapping item)
    {
        var meta = item["metadata"] as YMapping;
        return new KrmResourceRef(Text(item["apiVersion"]), Text(item["kind"]), Text(meta?["name"]), Text(meta?["namespace"]));
    }

    private static List<(string Key, YNode Value)> KeptAnnotations(YMapping item)
    {
        var kept = new List<(string, YNode)>();
        if ((item["metadata"] as YMapping)?["annotations"] is YMapping annotations)
            foreach (var e in annotations.Entries)
                if (KeptAnnotationPrefixes.Any(p => e.Name.StartsWith(p, StringComparison.Ordinal)))
                    kept.Add((e.Name, e.Value.DeepClone()));
        return kept;
    }

    // The injector only edits pod templates, but a bare Pod's metadata is its template's: make sure the
    // function-framework annotations come out exactly as they went in.
    private static void RestoreAnnotations(YMapping item, List<(string Key, YNode Value)> kept)
    {
        if (kept.Count == 0) return;
        var annotations = ((YMapping)item["metadata"]!).GetOrAddMapping("annotations");
        foreach (var (key, value) in kept)
            if (!value.SemanticEquals(annotations[key])) annotations.Set(key, value);
    }

    private static YSequence ResultsNode(List<KrmResultItem> results)
    {
        var sequence = new YSequence();
        foreach (var r in results)
        {
            var m = new YMapping();
            m.Set("severity", new YScalar(r.Severity));
            m.Set("message", YScalar.String(r.Message));
            if (r.ResourceRef is { } reference)
            {
                var rm = new YMapping();
                rm.Set("apiVersion", YScalar.String(reference.ApiVersion));
                rm.Set("kind", YScalar.String(reference.Kind));
                rm.Set("name", YScalar.String(reference.Name));
                if (reference.Namespace.Length > 0) rm.Set("namespace", YScalar.String(reference.Namespace));
                m.Set("resourceRef", rm);
            }
            if (r.FilePath is not null)
            {
                var fm = new YMapping();
                fm.Set("path", YScalar.String(r.FilePath));
                if (r.FileIndex is { } index) fm.Set("index", YScalar.Int(index));
                m.Set("file", fm);
            }
            sequence.Add(m);
        }
        return sequence;
    }

    private static string ErrorOnlyResourceList(List<KrmResultItem> results)
    {
        var sb = new StringBuilder("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\nresults:\n");
        foreach (var r in results) sb.Append("- severity: ").Append(r.Severity).Append("\n  message: ").Append(GoQuoteJson(r.Message)).Append('\n');
        return sb.ToString();
    }

    // A JSON string literal (default escaping); through JsonNode, which needs no reflection (the CLI is also built native AOT).
    private static string GoQuoteJson(string s) => System.Text.Json.Nodes.JsonValue.Create(s).ToJsonString();

    private static string? NonEmpty(string s) => s.Length == 0 ? null : s;

}
