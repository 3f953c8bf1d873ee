using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Conformance;

/// <summary>The corpus plumbing: mesh deep-merge, the YAML we emit for it, environments and skip rules.</summary>
public sealed class ConformanceCorpusTests
{
    private static YMapping Map(string yaml) => (YMapping)ManifestReader.Read(yaml, "t").First().Root!;

    [Fact]
    public void Mesh_overrides_merge_mappings_key_by_key_and_replace_everything_else()
    {
        string merged = MeshMerge.Merge(
            "defaultConfig:\n  discoveryAddress: istiod:15012\n  proxyMetadata: {A: a}\nlist: [1, 2]\n", "mesh.yaml",
            Map("defaultConfig: {proxyMetadata: {B: b}, tracing: {}}\nlist: [3]\ninboundTrafficPolicy: {mode: LOCALHOST}\n"));
        Assert.Empty(SemanticComparer.Compare(
            "defaultConfig:\n  discoveryAddress: istiod:15012\n  proxyMetadata: {A: a, B: b}\n  tracing: {}\nlist: [3]\ninboundTrafficPolicy: {mode: LOCALHOST}\n",
            merged));
        Assert.Contains("tracing: {}", merged); // an empty message is meaningful to Go; the comparer would hide its loss
    }

    [Fact]
    public void Emitted_yaml_reads_back_with_the_same_types()
    {
        const string source = "s: \"15020\"\nb: true\nq: 'yes'\ni: 15020\nf: 1.5\nn: null\ne: ''\nk: \"a: b # c\"\n\"x.y/z\": [1, {a: [], b: {}}, [2, 3]]\nu: \"é\\n\\\"\"\n";
        string emitted = YamlEmitter.Emit(Map(source));
        Assert.Empty(SemanticComparer.Compare(source, emitted));
        Assert.True(Map(source).SemanticEquals(Map(emitted)), emitted);
    }

    [Fact]
    public void The_environment_carries_feature_flags_and_the_native_sidecar_setting_in_lower_case()
    {
        var c = new ConformanceCase
        {
            VersionDirectory = "v", Id = "x", Input = "i", Settings = "default", NativeSidecar = true,
            FeatureFlags = new Dictionary<string, string> { ["PLATFORM"] = "openshift" },
        };
        Assert.Equal(new Dictionary<string, string> { ["PLATFORM"] = "openshift", ["ENABLE_NATIVE_SIDECARS"] = "true" }, c.Environment());
    }

    [Fact]
    public void Custom_template_and_webhook_only_cases_are_skipped_like_compare_py_does()
    {
        var c = new ConformanceCase { VersionDirectory = "v", Id = "x", Input = "i", Settings = "default" };
        Assert.Null(c.SkipReason);
        Assert.Null((c with { CustomGoTemplate = true }).SkipReason); // custom Go templates render since the Go front end
        Assert.StartsWith("webhookOnly", (c with { WebhookOnly = true }).SkipReason);
    }

    [Fact]
    public void The_corpus_cases_read_with_their_flags_overrides_and_errors()
    {
        var cases = ConformanceCorpus.Cases("1.23.0");
        if (cases.Count == 0) Assert.Skip("shared/conformance not found: " + ConformanceCorpus.SearchedPlaces);
        Assert.Equal(79, cases.Count);
        Assert.Equal(4, cases.Count(c => c.ExpectedError is not null));
        Assert.Single(cases, c => c.CustomGoTemplate);
        Assert.Single(cases, c => c.WebhookOnly);
        var native = cases.Single(c => c.Id == "gateway--native-sidecars");
        Assert.True(native.NativeSidecar);
        Assert.Equal("true", native.Environment()["ENABLE_NATIVE_SIDECARS"]);
        Assert.Equal("openshift", cases.Single(c => c.WebhookOnly).Environment()["PLATFORM"]);
        Assert.Contains("ISTIO_META_TLS_CLIENT_KEY: \"/etc/identity/client/keys/client-key.pem\"",
            cases.Single(c => c.Id == "traffic-annotations").MeshText());
        Assert.Equal("false", cases.Single(c => c.Id == "hello").Environment()["ENABLE_NATIVE_SIDECARS"]);
    }
}
