using KubeInject.Tests.Rendering;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// The data Go templates see (<c>IstioTemplateData</c>) under Go's semantics: truthiness, printing, map range order,
/// missing keys, and Istio's Go field names. Expected values follow Go's text/template documentation.
/// </summary>
public class IstioTemplateDataTests
{
    [Theory]
    [InlineData("\"\"", "F")]
    [InlineData("\"x\"", "T")]
    [InlineData("0", "F")]
    [InlineData("1", "T")]
    [InlineData("0.0", "F")]
    [InlineData("false", "F")]
    [InlineData("(list)", "F")]
    [InlineData("(list 0)", "T")]
    [InlineData("(dict)", "F")]
    [InlineData("(dict \"a\" 1)", "T")]
    public void If_uses_go_truthiness(string literal, string expected) =>
        Assert.Equal(expected, InlineTemplates.Render($"{{{{ if {literal} }}}}T{{{{ else }}}}F{{{{ end }}}}"));

    [Fact]
    public void Not_and_or_use_go_truthiness_and_and_or_return_an_operand() =>
        Assert.Equal("true 0 [1]", InlineTemplates.Render("{{ not \"\" }} {{ or \"\" 0 }} {{ and \"a\" (list 1) }}"));

    [Fact]
    public void Values_numbers_print_like_go_float64()
    {
        var data = RenderFixture.Data(values: RenderFixture.WithValue("global.big", "1000000"));
        Assert.Equal("15020 1e+06 0.5", InlineTemplates.Render("{{ .Values.global.proxy.statusPort }} {{ .Values.global.big }} {{ 0.5 }}", data));
    }

    [Fact]
    public void Maps_and_lists_print_in_go_syntax() =>
        Assert.Equal("map[a:1 b:x] [1 two]", InlineTemplates.Render("{{ dict \"b\" \"x\" \"a\" 1 }} {{ list 1 \"two\" }}"));

    [Fact]
    public void Range_over_a_map_visits_keys_in_sorted_order() =>
        Assert.Equal("A,Z,a,b,", InlineTemplates.Render("{{ range $k, $v := dict \"b\" 1 \"a\" 2 \"Z\" 3 \"A\" 4 }}{{ $k }},{{ end }}"));

    [Fact]
    public void Range_over_a_missing_value_runs_no_iteration() =>
        Assert.Equal("", InlineTemplates.Render("{{ range .Values.nothing }}x{{ end }}"));

    [Fact]
    public void Missing_intermediate_keys_read_as_no_value_like_go() =>
        Assert.Equal("none", InlineTemplates.Render("{{ .Values.nothing.here.at_all | default \"none\" }}"));

    [Fact]
    public void Labels_and_annotations_are_go_strings()
    {
        var data = RenderFixture.Data(pod: "metadata:\n  labels: {v: 1.10, b: yes}\n  annotations: {n: 0x10}\nspec: {containers: []}");
        Assert.Equal("1.1 true 16", InlineTemplates.Render("{{ index .ObjectMeta.Labels \"v\" }} {{ index .ObjectMeta.Labels \"b\" }} {{ index .ObjectMeta.Annotations \"n\" }}", data));
    }

    [Fact]
    public void Missing_label_and_annotation_maps_exist_but_are_empty()
    {
        var data = RenderFixture.Data(pod: "spec: {containers: []}");
        Assert.Equal("F false", InlineTemplates.Render("{{ if .ObjectMeta.Labels }}T{{ else }}F{{ end }} {{ isset .ObjectMeta.Annotations \"a\" }}", data));
    }

    [Fact]
    public void Proxy_config_interception_mode_defaults_to_the_enum_zero_value() =>
        Assert.Equal("REDIRECT", InlineTemplates.Render("{{ .ProxyConfig.InterceptionMode }}"));

    [Fact]
    public void Fields_have_istio_go_names() =>
        Assert.Equal("Deployment apps/v1 hello  80 istiod.istio-system.svc:15012 cluster.local 1337 1337 passthrough",
            InlineTemplates.Render("{{ .TypeMeta.Kind }} {{ .TypeMeta.APIVersion }} {{ .DeploymentMeta.Name }} {{ .DeploymentMeta.Namespace }} {{ (index (index .Spec.Containers 0).Ports 0).ContainerPort }} {{ .ProxyConfig.DiscoveryAddress }} {{ .MeshConfig.TrustDomain }} {{ .ProxyUID }} {{ .ProxyGID }} {{ .InboundTrafficPolicyMode }}"));
}
