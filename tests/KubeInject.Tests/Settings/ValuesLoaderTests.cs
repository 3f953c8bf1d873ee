using KubeInject.Diagnostics;
using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Settings;

public class ValuesLoaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("# only a comment\n")]
    [InlineData("null\n")]
    public void Empty_values_give_an_empty_mapping(string text)
    {
        Assert.Equal(0, ValuesLoader.Load(text, "values.yaml").Count);
    }

    [Fact]
    public void Json_values_are_read()
    {
        var v = ValuesLoader.Load("""{"global": {"hub": "docker.io/istio", "proxy": {"statusPort": 15020}}}""", "values.json");
        var proxy = (YMapping)((YMapping)v["global"]!)["proxy"]!;
        Assert.Equal(ScalarKind.Int, ((YScalar)proxy["statusPort"]!).Kind);
    }

    [Fact]
    public void Yaml_values_are_read()
    {
        var v = ValuesLoader.Load("global:\n  tag: 1.20\n", "values.yaml");
        Assert.Equal(ScalarKind.Float, ((YScalar)((YMapping)v["global"]!)["tag"]!).Kind);
    }

    [Fact]
    public void Syntax_error_names_file_and_line()
    {
        var e = Assert.Throws<KubeInjectException>(() => ValuesLoader.Load("global:\n  hub: a\n  tag: [1.0\n", "my-values.yaml"));
        Assert.StartsWith("could not parse configuration values: ", e.Message);
        Assert.Equal("my-values.yaml", e.Location!.File);
        Assert.True(e.Location.Line >= 3, $"line {e.Location.Line}");
    }

    [Fact]
    public void Json_syntax_error_names_the_line()
    {
        var e = Assert.Throws<KubeInjectException>(() => ValuesLoader.Load("{\n  \"global\": {\n    \"hub\": \"x\",,\n  }\n}\n", "values.json"));
        Assert.Equal(3, e.Location!.Line);
    }

    [Fact]
    public void A_list_at_the_top_is_refused_with_its_position()
    {
        var e = Assert.Throws<KubeInjectException>(() => ValuesLoader.Load("\n- a\n- b\n", "values.yaml"));
        Assert.Contains("expected a mapping", e.Message);
        Assert.Equal(2, e.Location!.Line);
    }
}
