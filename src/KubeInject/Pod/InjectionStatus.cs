using System.Text.Json;

namespace KubeInject.Pod;

/// <summary>
/// The <c>sidecar.istio.io/status</c> annotation: which containers a previous injection added. Parsed the way Go
/// decodes it into <c>SidecarInjectionStatus</c>; anything that would fail there yields null.
/// </summary>
internal sealed record InjectionStatus(IReadOnlyList<string> InitContainers, IReadOnlyList<string> Containers)
{
    /// <summary>Volume names the injection added.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary>Image pull secret names the injection added.</summary>
    public IReadOnlyList<string> ImagePullSecrets { get; init; } = [];

    /// <summary>The control-plane revision recorded (<c>default</c> when absent or empty).</summary>
    public string Revision { get; init; } = "default";

    /// <summary>The annotation key.</summary>
    public const string AnnotationKey = "sidecar.istio.io/status";

    /// <summary>The parsed status, or null when the text is not valid status JSON.</summary>
    public static InjectionStatus? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            List<string>? init = [], containers = [], volumes = [], secrets = [];
            string revision = "";
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                // encoding/json matches field names case-insensitively.
                if (p.Name.Equals("initContainers", StringComparison.OrdinalIgnoreCase)) init = Strings(p.Value);
                else if (p.Name.Equals("containers", StringComparison.OrdinalIgnoreCase)) containers = Strings(p.Value);
                else if (p.Name.Equals("volumes", StringComparison.OrdinalIgnoreCase)) volumes = Strings(p.Value);
                else if (p.Name.Equals("imagePullSecrets", StringComparison.OrdinalIgnoreCase)) secrets = Strings(p.Value);
                else if (p.Name.Equals("revision", StringComparison.OrdinalIgnoreCase))
                {
                    if (p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return null;
                    revision = p.Value.GetString() ?? "";
                }
                if (init is null || containers is null || volumes is null || secrets is null) return null;
            }
            return new InjectionStatus(init, containers)
            {
                Volumes = volumes,
                ImagePullSecrets = secrets,
                Revision = revision.Length == 0 ? "default" : revision,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string>? Strings(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null) return [];
        if (e.ValueKind != JsonValueKind.Array) return null;
        var list = new List<string>();
        foreach (var i in e.EnumerateArray())
        {
            if (i.ValueKind == JsonValueKind.Null) { list.Add(""); continue; }
            if (i.ValueKind != JsonValueKind.String) return null;
            list.Add(i.GetString()!);
        }
        return list;
    }
}
