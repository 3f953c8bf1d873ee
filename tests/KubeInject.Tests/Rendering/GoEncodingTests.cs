using KubeInject.Rendering;
using Scriban.Runtime;

namespace KubeInject.Tests.Rendering;

/// <summary>to_json, from_json, struct_to_json, proto_to_json and to_yaml with Go's encoders' behaviour.</summary>
public class GoEncodingTests
{
    [Fact]
    public void To_json_sorts_keys_and_escapes_like_go()
    {
        var m = new ScriptObject { ["z"] = "<a&b>", ["a"] = "line\u2028sep\u2029", ["m"] = "é\"\\\n" };
        Assert.Equal("{\"a\":\"line\\u2028sep\\u2029\",\"m\":\"é\\\"\\\\\\n\",\"z\":\"\\u003ca\\u0026b\\u003e\"}", TemplateFunctions.ToJson(m));
        Assert.Equal("{}", TemplateFunctions.ToJson(null));
    }

    [Fact]
    public void To_json_writes_float64_in_go_json_form()
    {
        Assert.Equal("[1000000,0.5,1e+21,1e-7,15020]", TemplateFunctions.ToJson(new ScriptArray { 1000000.0, 0.5, 1e21, 1e-7, 15020L }));
    }

    [Fact]
    public void From_json_decodes_numbers_as_float64()
    {
        var v = Assert.IsType<ScriptObject>(TemplateFunctions.FromJson("{\"a\": 1, \"b\": [true, null, \"x\"], \"c\": {}}"));
        Assert.Equal(1.0, v["a"]);
        Assert.Equal("[true <nil> x]", KubeInject.Go.Fmt.Sprint(v["b"]));
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("")]
    [InlineData("{\"a\":1,}")]
    public void From_json_of_invalid_text_is_the_string_braces(string text) =>
        Assert.Equal("{}", TemplateFunctions.FromJson(text));

    [Fact]
    public void Ranging_over_a_failed_from_json_is_an_error_as_in_go()
    {
        var e = Assert.Throws<KubeInject.Diagnostics.KubeInjectException>(() =>
            InlineTemplates.Render("{{ range $k, $v := fromJSON \"nope\" }}{{ $k }}{{ end }}"));
        Assert.Contains("range can't iterate over {}", e.Message);
    }

    [Fact]
    public void Struct_to_json_writes_container_ports_in_go_field_order_with_omitempty()
    {
        var port = new ScriptObject { ["protocol"] = "TCP", ["containerPort"] = 80L, ["name"] = "http", ["hostIP"] = "", ["hostPort"] = 0L };
        Assert.Equal("{\"name\":\"http\",\"containerPort\":80,\"protocol\":\"TCP\"}", TemplateFunctions.StructToJson(port));
        var full = new ScriptObject { ["hostIP"] = "1.2.3.4", ["hostPort"] = 8080L, ["containerPort"] = 80L, ["name"] = "web", ["protocol"] = "UDP" };
        Assert.Equal("{\"name\":\"web\",\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"UDP\",\"hostIP\":\"1.2.3.4\"}", TemplateFunctions.StructToJson(full));
        Assert.Equal("{\"containerPort\":0}", TemplateFunctions.StructToJson(new ScriptObject { ["containerPort"] = null }));
        Assert.Equal("{}", TemplateFunctions.StructToJson(null));
    }

    [Fact]
    public void Proto_to_json_of_proxy_config_is_the_precomputed_json()
    {
        var data = RenderFixture.Data(proxyConfigJson: "{\"holdApplicationUntilProxyStarts\":true}");
        Assert.Equal("{\"holdApplicationUntilProxyStarts\":true}", InlineTemplates.Render("{{ protoToJSON .ProxyConfig }}", data));
    }

    [Fact]
    public void To_yaml_sorts_keys_naturally_and_ends_with_a_newline()
    {
        var m = new ScriptObject
        {
            ["requests"] = new ScriptObject { ["memory"] = "128Mi", ["cpu"] = "100m" },
            ["limits"] = new ScriptObject { ["cpu"] = "2", ["port10"] = 1.0, ["port9"] = 1000000.0 },
            ["list"] = new ScriptArray { new ScriptObject { ["b"] = true, ["a"] = null }, "x", new ScriptArray() },
        };
        Assert.Equal(
            "limits:\n  cpu: \"2\"\n  port9: 1000000\n  port10: 1\nlist:\n- a: null\n  b: true\n- x\n- []\nrequests:\n  cpu: 100m\n  memory: 128Mi\n",
            TemplateFunctions.ToYaml(m));
        Assert.Equal("null\n", TemplateFunctions.ToYaml(null));
        Assert.Equal("{}\n", TemplateFunctions.ToYaml(new ScriptObject()));
    }

    [Theory]
    [InlineData("true", "\"true\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("15020", "\"15020\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("", "\"\"")]
    [InlineData("*", "'*'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("{\"x\":1}", "'{\"x\":1}'")]
    [InlineData("it's", "it's")]
    [InlineData("- x", "'- x'")]
    [InlineData("plain text", "plain text")]
    [InlineData("a\nb", "|-\n  a\n  b")]
    [InlineData("a\n", "|\n  a")]
    [InlineData(" a\n", "|2\n   a")]
    [InlineData("a \nb", "\"a \\nb\"")]
    public void To_yaml_quotes_strings_like_go_yaml(string value, string expected) =>
        Assert.Equal("k: " + expected + "\n", TemplateFunctions.ToYaml(new ScriptObject { ["k"] = value }));

    [Fact]
    public void To_yaml_output_reads_back_to_the_same_values()
    {
        var m = new ScriptObject { ["s"] = "a\n\n b\n\n", ["q"] = "x: y # z", ["n"] = "null", ["t"] = "tab\there" };
        var tree = RenderFixture.Parse(TemplateFunctions.ToYaml(m));
        Assert.Equal("a\n\n b\n\n", tree.Text("s"));
        Assert.Equal("x: y # z", tree.Text("q"));
        Assert.Equal("null", tree.Text("n"));
        Assert.Equal("tab\there", tree.Text("t"));
    }
}
