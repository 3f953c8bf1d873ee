using KubeInject.Yaml;

namespace KubeInject.Tests.Conformance;

/// <summary>One entry of <c>istio-&lt;version&gt;/cases.yaml</c> (fields as in the corpus README), with its folder.</summary>
public sealed record ConformanceCase
{
    public required string VersionDirectory { get; init; }
    public required string Id { get; init; }
    public required string Input { get; init; }
    public string? Expected { get; init; }
    public required string Settings { get; init; }
    internal YMapping? MeshOverrides { get; init; }
    public string? ExpectedError { get; init; }
    public string? ExpectedLog { get; init; }
    /// <summary>featureFlags as environment strings (booleans in lower case).</summary>
    public IReadOnlyDictionary<string, string> FeatureFlags { get; init; } = new Dictionary<string, string>();
    public bool CustomGoTemplate { get; init; }
    public bool NativeSidecar { get; init; }
    public bool WebhookOnly { get; init; }
    public string? Notes { get; init; }

    public string InputPath => Path.Combine(VersionDirectory, Input);
    public string? ExpectedPath => Expected is null ? null : Path.Combine(VersionDirectory, Expected);
    public string SettingsDirectory => Path.Combine(VersionDirectory, "settings", Settings);
    public string ValuesPath => Path.Combine(SettingsDirectory, "values.yaml");
    public string MeshPath => Path.Combine(SettingsDirectory, "mesh.yaml");
    public string InjectorConfigPath => Path.Combine(SettingsDirectory, "injector-config.yaml");

    /// <summary>Why the corpus runner skips this case by default, or null (same rules as compare.py's run_case).</summary>
    public string? SkipReason =>
        WebhookOnly ? "webhookOnly: Istio verifies this golden only through the webhook path, never through kube-inject"
        : null;

    /// <summary>
    /// The process environment of the case: every feature flag, plus ENABLE_NATIVE_SIDECARS=nativeSidecar
    /// unless a flag already sets it (compare.py uses setdefault).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>(FeatureFlags);
        env.TryAdd("ENABLE_NATIVE_SIDECARS", NativeSidecar ? "true" : "false");
        return env;
    }

    /// <summary>mesh.yaml, with <c>meshOverrides</c> deep-merged in when the case has them.</summary>
    public string MeshText()
    {
        string text = File.ReadAllText(MeshPath);
        return MeshOverrides is null || MeshOverrides.Count == 0 ? text : MeshMerge.Merge(text, MeshPath, MeshOverrides);
    }

    public override string ToString() => Id;
}
