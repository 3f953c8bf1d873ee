using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Reads an injector config (<c>--injectConfigFile</c>, the configmap's <c>config</c>): a file that does not decode
/// as a config, or whose <c>templates</c> is missing or empty, is itself one template named <c>sidecar</c> (as
/// kube-inject's <c>readInjectConfigFile</c> has it); otherwise every field Istio's webhook uses is read.
/// </summary>
internal static class InjectorConfigFile
{
    /// <summary>The name a template-only file gets.</summary>
    public const string SidecarTemplateName = InjectorConfig.SidecarTemplateName;

    /// <summary>Template names to Go template texts, in file order.</summary>
    public static IReadOnlyDictionary<string, string> ReadTemplates(string text) => Read(text).Templates;

    /// <summary>The whole config.</summary>
    public static InjectorConfig Read(string text)
    {
        var config = TryReadConfig(text);
        if (config is null || config["templates"] is not YMapping { Count: > 0 } templates) return InjectorConfig.TemplateOnly(text);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in templates.Entries)
            names[e.Name] = StringOf(e.Value);
        // UnmarshalConfig: no defaultTemplates means [sidecar].
        var defaults = config["defaultTemplates"] is YSequence { Count: > 0 } d ? d.Items.Select(StringOf).ToList() : [SidecarTemplateName];
        var aliases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (config["aliases"] is YMapping a)
            foreach (var e in a.Entries)
                aliases[e.Name] = e.Value is YSequence list ? list.Items.Select(StringOf).ToList() : [];
        var injected = new List<KeyValuePair<string, string>>();
        if (config["injectedAnnotations"] is YMapping ia)
            foreach (var e in ia.Entries) injected.Add(new(e.Name, StringOf(e.Value)));
        return new InjectorConfig(
            names, defaults, aliases,
            config["policy"] is YScalar { Kind: not ScalarKind.Null } p ? p.AsGoString() : null,
            Selectors(config["neverInjectSelector"]), Selectors(config["alwaysInjectSelector"]), injected);
    }

    // What a Go string field holds for a scalar (a YAML 1.1 boolean as "true"/"false", a number in decimal, null as "").
    private static string StringOf(YNode node) => node is YScalar s ? s.AsGoString() : "";

    // A null entry decodes as an empty selector, which matches nothing in Istio's webhook.
    private static List<YMapping> Selectors(YNode? node) =>
        node is YSequence list ? list.Items.OfType<YMapping>().ToList() : [];

    // Null when the text does not decode into Istio's inject.Config (via YAML -> JSON -> encoding/json),
    // which kube-inject treats as "this is a raw template".
    private static YMapping? TryReadConfig(string text)
    {
        YNode? root;
        try
        {
            root = ManifestReader.Read(text, "injector config").FirstOrDefault()?.Root;
        }
        catch (KubeInjectException)
        {
            return null;
        }
        if (root is not YMapping config) return null;
        return FieldTypesMatch(config) ? config : null;
    }

    // encoding/json refuses a value of the wrong JSON type for a typed field; null is always fine, and a boolean or a
    // number is fine for a string (sigs.k8s.io/yaml turns `policy: on` into "true" for the string field).
    private static bool FieldTypesMatch(YMapping config)
    {
        foreach (var e in config.Entries)
        {
            var v = e.Value;
            if (v is YScalar { Kind: ScalarKind.Null }) continue;
            bool ok = e.Name switch
            {
                "policy" or "template" => v is YScalar,
                "defaultTemplates" => v is YSequence q && q.Items.All(i => i is YScalar),
                "alwaysInjectSelector" or "neverInjectSelector" => v is YSequence s && s.Items.All(i => i is YMapping or YScalar { Kind: ScalarKind.Null }),
                "injectedAnnotations" => v is YMapping m && m.Entries.All(x => x.Value is YScalar),
                "aliases" => v is YMapping a && a.Entries.All(x => x.Value is YSequence or YScalar { Kind: ScalarKind.Null }),
                "templates" => v is YMapping t && t.Entries.All(x => x.Value is YScalar),
                _ => true,
            };
            if (!ok) return false;
        }
        return true;
    }
}
