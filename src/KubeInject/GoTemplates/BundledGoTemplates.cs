using System.Collections.Concurrent;

namespace KubeInject.GoTemplates;

/// <summary>
/// The stock Go templates of each bundled Istio version, Istio's files verbatim
/// (<c>manifests/charts/istio-control/istio-discovery/files/</c>), embedded as <c>templates/&lt;folder&gt;/&lt;file&gt;</c>
/// under the names the injector configmap gives them. Compiled once per process.
/// </summary>
internal static class BundledGoTemplates
{
    /// <summary>Template name → Istio's file name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sidecar"] = "injection-template.yaml",
        ["gateway"] = "gateway-injection-template.yaml",
        ["grpc-simple"] = "grpc-simple.yaml",
        ["grpc-agent"] = "grpc-agent.yaml",
    };

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, GoTemplate>> Compiled = new(StringComparer.Ordinal);

    /// <summary>The compiled stock templates of <paramref name="versionFolder"/> (e.g. <c>istio-1.30</c>); empty when none are bundled.</summary>
    public static IReadOnlyDictionary<string, GoTemplate> Of(string versionFolder) => Compiled.GetOrAdd(versionFolder, folder =>
    {
        var result = new Dictionary<string, GoTemplate>(StringComparer.Ordinal);
        foreach (var (name, file) in Files)
            if (Text(folder, file) is { } text) result[name] = GoTemplate.Compile(name, text);
        return result;
    });

    /// <summary>The text of an embedded file of a version folder, or null.</summary>
    public static string? Text(string versionFolder, string file)
    {
        using var stream = typeof(BundledGoTemplates).Assembly.GetManifestResourceStream($"templates/{versionFolder}/{file}");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
