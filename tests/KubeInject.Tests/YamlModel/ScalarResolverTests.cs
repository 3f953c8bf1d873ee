using KubeInject.Yaml;

namespace KubeInject.Tests.YamlModel;

/// <summary>YAML 1.1 resolution of plain scalars (what Go's yaml and kubectl read), and the writer's question "would this read back as a string?".</summary>
public sealed class ScalarResolverTests
{
    [Theory]
    [InlineData("", ScalarKind.Null)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("null", ScalarKind.Null)]
    [InlineData("NULL", ScalarKind.Null)]
    [InlineData("yes", ScalarKind.Bool)]
    [InlineData("Off", ScalarKind.Bool)]
    [InlineData("n", ScalarKind.Bool)]
    [InlineData("TRUE", ScalarKind.Bool)]
    [InlineData("15020", ScalarKind.Int)]
    [InlineData("-1", ScalarKind.Int)]
    [InlineData("+0x1F", ScalarKind.Int)]
    [InlineData("0755", ScalarKind.Int)]
    [InlineData("1_000", ScalarKind.Int)]
    [InlineData("12:30", ScalarKind.Int)]
    [InlineData("0b101", ScalarKind.Int)]
    [InlineData("1.5", ScalarKind.Float)]
    [InlineData(".5", ScalarKind.Float)]
    [InlineData("-.inf", ScalarKind.Float)]
    [InlineData(".NaN", ScalarKind.Float)]
    [InlineData("Never", ScalarKind.String)]
    [InlineData("nginx", ScalarKind.String)]
    [InlineData("true-ish", ScalarKind.String)]
    [InlineData("ON_CALL", ScalarKind.String)]
    [InlineData("2000m", ScalarKind.String)]
    [InlineData("1e3", ScalarKind.String)]
    [InlineData("NaN", ScalarKind.String)]
    [InlineData("é", ScalarKind.String)]
    // The kind is passed by name: ScalarKind is internal, and a public test method cannot take it.
    public void Plain_scalars_resolve_as_YAML_1_1_does(string text, object kind) =>
        Assert.Equal((ScalarKind)kind, ScalarResolver.ResolvePlain(text));

    [Theory]
    [InlineData("", true)]
    [InlineData("~", true)]
    [InlineData("no", true)]
    [InlineData("On", true)]
    [InlineData("8080", true)]
    [InlineData("+1", true)]
    [InlineData(".5", true)]
    [InlineData("1e3", true)]            // a number to YAML 1.2 readers
    [InlineData("0o17", true)]
    [InlineData("2026-11-25", true)]     // a timestamp
    [InlineData("2026-11-25T10:00:00Z", true)]
    [InlineData("istio-proxy", false)]
    [InlineData("Never", false)]
    [InlineData("nope", false)]
    [InlineData("off-by-one", false)]
    [InlineData("-p", false)]
    [InlineData("1024Mi", false)]
    [InlineData("docker.io/istio/proxyv2:1.29.6", false)]
    [InlineData("/etc/istio/proxy", false)]
    [InlineData("*", false)]
    public void The_writer_quotes_exactly_the_strings_that_would_read_back_as_something_else(string text, bool looksLikeNonString) =>
        Assert.Equal(looksLikeNonString, ScalarResolver.LooksLikeNonString(text));
}
