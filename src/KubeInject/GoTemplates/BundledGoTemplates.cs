using System.Runtime.CompilerServices;
using KubeInject.Versions;

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

    private static readonly ConditionalWeakTable<IstioVersionProfile, IReadOnlyDictionary<string, GoTemplate>> Compiled = new();

    /// <summary>The compiled stock templates of <paramref name="profile"/>'s folder; empty when it has none.</summary>
    public static IReadOnlyDictionary<string, GoTemplate> Of(IstioVersionProfile profile) => Compiled.GetValue(profile, p =>
    {
        var result = new Dictionary<string, GoTemplate>(StringComparer.Ordinal);
        foreach (var (name, file) in Files)
            if (p.ReadFile(file) is { } text) result[name] = GoTemplate.Compile(name, text);
        return result;
    });
}
