using System.Text.Json.Nodes;
using KubeInject.Tests.Conformance;

namespace KubeInject.Tests.Uninjection;

/// <summary>Injection options for a conformance case (its values, mesh and flags), optionally for another version or tag.</summary>
internal static class CorpusSettings
{
    public static InjectionOptions For(ConformanceCase c, string version, string? tag = null) => new()
    {
        IstioVersion = version,
        ValuesText = tag is null ? File.ReadAllText(c.ValuesPath) : WithTag(File.ReadAllText(c.ValuesPath), tag),
        ValuesName = c.ValuesPath,
        MeshConfigText = c.MeshText(),
        MeshConfigName = c.MeshPath,
        NativeSidecars = c.NativeSidecar ? NativeSidecarMode.Enabled : NativeSidecarMode.Disabled,
        Environment = c.Environment(),
    };

    /// <summary>The cases whose input injects (no expected error, not skipped by the corpus runner).</summary>
    public static IEnumerable<ConformanceCase> Injectable(string version) =>
        ConformanceCorpus.Cases(version).Where(c => c.ExpectedError is null && c.SkipReason is null && !c.CustomGoTemplate);

    // values are JSON in the corpus; global.tag picks the proxy image tag.
    private static string WithTag(string valuesJson, string tag)
    {
        var root = JsonNode.Parse(valuesJson)!.AsObject();
        if (root["global"] is not JsonObject global) root["global"] = global = new JsonObject();
        global["tag"] = tag;
        return root.ToJsonString();
    }
}
