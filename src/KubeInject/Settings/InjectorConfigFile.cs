using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Reads an injector config (<c>--injectConfigFile</c>, the configmap's <c>config</c>) the way kube-inject's
/// <c>readInjectConfigFile</c> does: only the <c>templates</c> map is used; a file that does not decode as a
/// config, or whose <c>templates</c> is missing or empty, is itself one template named <c>sidecar</c>.
/// </summary>
internal static class InjectorConfigFile
{
    /// <summary>The name a template-only file gets.</summary>
    public const string SidecarTemplateName = "sidecar";

    /// <summary>Template names to Go template texts, in file order.</summary>
    public static IReadOnlyDictionary<string, string> ReadTemplates(string text)
    {
        var templates = TryReadConfigTemplates(text);
        if (templates is null || templates.Count == 0)
            return new Dictionary<string, string>(StringComparer.Ordinal) { [SidecarTemplateName] = text };
        return templates;
    }

    // Null when the text does not decode into Istio's inject.Config (via YAML -> JSON -> encoding/json),
    // which kube-inject treats as "this is a raw template".
    private static Dictionary<string, string>? TryReadConfigTemplates(string text)
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
        if (root is not YMapping config) return root is null or YScalar { Kind: ScalarKind.Null } ? [] : null;
        if (!FieldTypesMatch(config)) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config["templates"] is YMapping templates)
        {
            foreach (var e in templates.Entries)
                result[e.Name] = e.Value is YScalar { Kind: ScalarKind.String } s ? s.Value : "";
        }
        return result;
    }

    // encoding/json refuses a value of the wrong JSON type for a typed field; null is always fine.
    private static bool FieldTypesMatch(YMapping config)
    {
        foreach (var e in config.Entries)
        {
            var v = e.Value;
            if (v is YScalar { Kind: ScalarKind.Null }) continue;
            bool ok = e.Name switch
            {
                "policy" or "template" => v is YScalar { Kind: ScalarKind.String },
                "defaultTemplates" => v is YSequence q && q.Items.All(i => i is YScalar { Kind: ScalarKind.String or ScalarKind.Null }),
                "alwaysInjectSelector" or "neverInjectSelector" => v is YSequence s && s.Items.All(i => i is YMapping or YScalar { Kind: ScalarKind.Null }),
                "injectedAnnotations" => v is YMapping m && m.Entries.All(x => x.Value is YScalar { Kind: ScalarKind.String or ScalarKind.Null }),
                "aliases" => v is YMapping a && a.Entries.All(x => x.Value is YSequence or YScalar { Kind: ScalarKind.Null }),
                "templates" => v is YMapping t && t.Entries.All(x => x.Value is YScalar { Kind: ScalarKind.String or ScalarKind.Null }),
                _ => true,
            };
            if (!ok) return false;
        }
        return true;
    }
}
