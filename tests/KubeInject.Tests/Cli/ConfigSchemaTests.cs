using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KubeInject.Cli;
using KubeInject.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace KubeInject.Tests.Cli;

/// <summary>
/// The JSON Schema of <c>.kube-inject.yaml</c> (for editors with the YAML language server) and the config reader agree:
/// the same keys, and the same verdict on valid and invalid files.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(CliSandbox.RepoRoot(), "src", "KubeInject.Cli", "Schema", "kube-inject.schema.json");
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(SchemaPath));

    public static TheoryData<string> Valid() => new(
    [
        "istioVersion: \"1.23\"\nrevision: canary\nexclude: [\"skip/**\"]\n",
        "values: istio/values.json\nmeshConfig: istio/mesh.yaml\ninjectorConfig: istio/config.yaml\nnativeSidecars: auto\ninclude: deploy/**\nskipTemplates: false\n",
        "workloads:\n- {group: example.com, kind: Widget, podTemplate: spec.runner.template}\n- kind: Thing\n  podTemplate: spec.template\n",
        "nativeSidecars: true\n",
    ]);

    public static TheoryData<string> Invalid() => new(
    [
        "istioVerison: \"1.23\"\n",
        "nativeSidecars: sometimes\n",
        "workloads:\n- {group: example.com, podTemplate: spec.template}\n",
        "workloads:\n- {kind: Widget, podTemplate: spec.template, extra: 1}\n",
        "workloads: {kind: Widget}\n",
    ]);

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_config_passes_the_schema_and_the_reader(string yaml)
    {
        var result = Schema.Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
        RepoConfig.Parse(yaml, "/repo/.kube-inject.yaml");
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_config_fails_the_schema_and_the_reader(string yaml)
    {
        Assert.False(Schema.Evaluate(ToJson(yaml)).IsValid);
        var e = Assert.Throws<KubeInjectException>(() => RepoConfig.Parse(yaml, "/repo/.kube-inject.yaml"));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_reader_knows()
    {
        var properties = JsonNode.Parse(File.ReadAllText(SchemaPath))!["properties"]!.AsObject().Select(p => p.Key).Order();
        Assert.Equal(RepoConfig.KnownKeys.Order(), properties);
    }

    [Fact]
    public void The_readme_points_editors_at_the_schema()
    {
        var readme = File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "README.md"));
        Assert.Contains("# yaml-language-server: $schema=", readme);
        Assert.Contains("src/KubeInject.Cli/Schema/kube-inject.schema.json", readme);
    }

    // YAML as JSON with YAML 1.1-ish typing of plain scalars (what the YAML language server does for the schema check).
    private static JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return JsonSerializer.SerializeToElement(Convert(stream.Documents[0].RootNode));
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(Convert)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when p.Value is "true" or "false" => JsonValue.Create(p.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when double.TryParse(p.Value, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode p => JsonValue.Create(p.Value),
        _ => null,
    };
}
