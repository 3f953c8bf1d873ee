namespace KubeInject.Tests.Rendering;

/// <summary>Go text/template behaviour the Scriban host reproduces: truthiness, printing, map range order.</summary>
public class GoSemanticsTests
{
    [Theory]
    [InlineData("\"\"", "F")]
    [InlineData("\"x\"", "T")]
    [InlineData("0", "F")]
    [InlineData("1", "T")]
    [InlineData("0.0", "F")]
    [InlineData("false", "F")]
    [InlineData("null", "F")]
    [InlineData("[]", "F")]
    [InlineData("[0]", "T")]
    [InlineData("{}", "F")]
    [InlineData("{a: 1}", "T")]
    public void If_uses_go_truthiness(string literal, string expected) =>
        Assert.Equal(expected, InlineTemplates.Render($"{{{{ if {literal} }}}}T{{{{ else }}}}F{{{{ end }}}}"));

    [Fact]
    public void Negation_and_logical_operators_use_go_truthiness() =>
        Assert.Equal("true false true", InlineTemplates.Render("{{ !\"\" }} {{ \"\" || 0 }} {{ \"a\" && [1] }}"));

    [Fact]
    public void Values_numbers_print_like_go_float64()
    {
        var data = RenderFixture.Data(values: RenderFixture.WithValue("global.big", "1000000"));
        Assert.Equal("15020 1e+06 0.5", InlineTemplates.Render("{{ values.global.proxy.statusPort }} {{ values.global.big }} {{ 0.5 }}", data));
    }

    [Fact]
    public void Maps_and_lists_print_in_go_syntax() =>
        Assert.Equal("map[a:1 b:x] [1 two]", InlineTemplates.Render("{{ {b: \"x\", a: 1} }} {{ [1, \"two\"] }}"));

    [Fact]
    public void Sorted_keys_iterates_a_map_in_go_range_order() =>
        Assert.Equal("A,Z,a,b,", InlineTemplates.Render("{{ for k in (sorted_keys {b: 1, a: 2, Z: 3, A: 4}) }}{{ k }},{{ end }}"));

    [Fact]
    public void Sorted_keys_of_nil_is_empty() => Assert.Equal("", InlineTemplates.Render("{{ for k in (sorted_keys null) }}x{{ end }}"));

    [Fact]
    public void Missing_intermediate_keys_read_as_nil_like_go() =>
        Assert.Equal("none", InlineTemplates.Render("{{ values.nothing.here.at_all ?? \"none\" }}"));

    [Fact]
    public void Labels_and_annotations_are_go_strings()
    {
        var data = RenderFixture.Data(pod: "metadata:\n  labels: {v: 1.10, b: yes}\n  annotations: {n: 0x10}\nspec: {containers: []}");
        Assert.Equal("1.1 true 16", InlineTemplates.Render("{{ object_meta.labels.v }} {{ object_meta.labels.b }} {{ object_meta.annotations.n }}", data));
    }

    [Fact]
    public void Missing_label_and_annotation_maps_exist_but_are_empty()
    {
        var data = RenderFixture.Data(pod: "spec: {containers: []}");
        Assert.Equal("F false", InlineTemplates.Render("{{ if object_meta.labels }}T{{ else }}F{{ end }} {{ isset object_meta.annotations \"a\" }}", data));
    }

    [Fact]
    public void Proxy_config_interception_mode_defaults_to_the_enum_zero_value() =>
        Assert.Equal("REDIRECT", InlineTemplates.Render("{{ proxy_config.interceptionMode }}"));

    [Fact]
    public void Top_level_variables_use_snake_case_and_data_keeps_kubernetes_names() =>
        Assert.Equal("Deployment apps/v1 hello  80 istiod.istio-system.svc:15012 cluster.local 1337 1337 passthrough",
            InlineTemplates.Render("{{ type_meta.kind }} {{ type_meta.apiVersion }} {{ deployment_meta.name }} {{ deployment_meta.namespace }} {{ spec.containers[0].ports[0].containerPort }} {{ proxy_config.discoveryAddress }} {{ mesh_config.trustDomain }} {{ proxy_uid }} {{ proxy_gid }} {{ inbound_traffic_policy_mode }}"));
}
