using KubeInject.Diagnostics;
using KubeInject.GoTemplates;
using Scriban.Runtime;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// What the Go 1.19 oracle cannot show: constructs of newer Go (documented in text/template since 1.22/1.23), the
/// error locations, and the translation cache.
/// </summary>
public sealed class GoTemplateTests
{
    private static string Render(string template, object? data = null) => GoTemplate.Compile("t", template).Render(data);

    [Fact]
    public void Else_with_chains_like_else_if() // Go 1.23: {{with X}}…{{else with Y}}…{{end}}
    {
        var data = new ScriptObject { ["e"] = "", ["s"] = "hello" };
        Assert.Equal("hello", Render("{{with .e}}a{{else with .s}}{{.}}{{end}}", data));
        Assert.Equal("none", Render("{{with .e}}a{{else with .e}}b{{else}}none{{end}}", data));
    }

    [Fact]
    public void String_literals_keep_control_and_html_characters_through_the_translation()
    {
        Assert.Equal("a\bb\fc<&>\u2028\u007f\"\\", Render("{{ \"a\\bb\\fc<&>\\u2028\\x7f\\\"\\\\\" }}"));
    }

    [Fact]
    public void Range_over_an_integer_counts_from_zero() // Go 1.22
    {
        Assert.Equal("0,1,2,", Render("{{range $i := 3}}{{$i}},{{end}}"));
    }

    [Fact]
    public void An_unknown_function_is_a_parse_error_naming_template_line_and_function()
    {
        var e = Assert.Throws<KubeInjectException>(() => GoTemplate.Compile("custom", "a\n{{ frobnicate 1 }}"));
        Assert.Equal(ErrorKind.BadInput, e.Kind);
        Assert.Contains("custom:2", e.Message);
        Assert.Contains("function \"frobnicate\" not defined", e.Message);
        Assert.Equal(2, e.Location!.Line);
    }

    [Fact]
    public void An_execution_error_names_the_line_of_the_action()
    {
        var e = Assert.Throws<KubeInjectException>(() => Render("line1\nline2\n{{ len 3 }}"));
        Assert.Contains("t:3", e.Message);
        Assert.Contains("len of type int", e.Message);
    }

    [Fact]
    public void A_template_is_translated_once_per_process()
    {
        var text = "{{ .a }} cached " + Guid.NewGuid();
        Assert.Same(GoTemplate.Compile("x", text), GoTemplate.Compile("x", text));
    }

    [Fact]
    public void The_translation_is_scriban_text_calling_the_runtime()
    {
        var scriban = GoTemplate.Convert("t", "{{ .Spec.Containers | len }}{{ define \"d\" }}{{ .Spec.Containers }}{{ end }}");
        Assert.Contains("{{ # go_k0 = .Spec.Containers }}", scriban);
        // Fields of the data itself are read by name lookup; inside a define, dot is the caller's argument.
        Assert.Contains("{{ # go_r0 = $.Spec.Containers }}", scriban);
        Assert.Contains("{{ (gf_len go_r0) ?? \"<no value>\" }}", scriban);
        Assert.Contains("{{ (go_field $d0 go_k0) ?? \"<no value>\" }}", scriban);
    }

    [Fact]
    public void Fields_of_the_data_are_read_again_at_each_use()
    {
        // sprig's set changes the map in place: a later .m.a sees the new value, as in Go.
        var data = new ScriptObject { ["m"] = new ScriptObject { ["a"] = "1" } };
        Assert.Equal("1 2", Render("{{ .m.a }} {{ $_ := set .m \"a\" \"2\" }}{{ .m.a }}", data));
    }

    [Fact]
    public void Assigning_dollar_changes_what_dollar_fields_read()
    {
        var data = new ScriptObject { ["a"] = new ScriptObject { ["b"] = "inner" }, ["b"] = "outer" };
        Assert.Equal("outer inner", Render("{{ $.b }} {{ $ = .a }}{{ $.b }}", data));
    }

    [Fact]
    public void Text_that_looks_like_scriban_code_stays_text()
    {
        Assert.Equal("{%{ raw }%} {{", Render("{%{ raw }%} {{ \"{{\" }}"));
        Assert.Equal("annotations: {x}", Render("annotations: {{ \"{\" }}x}"));
    }

    [Fact]
    public void Struct_fields_resolve_by_go_name_to_json_keys()
    {
        var data = new GoStruct
        {
            ["TypeMeta"] = new GoStruct { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment" },
            ["Spec"] = new GoStruct { ["hostIPC"] = true, ["dnsPolicy"] = "None" },
        };
        Assert.Equal("apps/v1 Deployment true None []", Render("{{ .TypeMeta.APIVersion }} {{ .TypeMeta.Kind }} {{ .Spec.HostIPC }} {{ .Spec.DNSPolicy }} [{{ .Spec.NodeName }}]", data));
    }

    [Fact]
    public void Proto_getters_and_enum_strings()
    {
        var data = new GoStruct
        {
            ["ProxyConfig"] = new GoStruct { ["interceptionMode"] = "TPROXY", ["holdApplicationUntilProxyStarts"] = true },
        };
        Assert.Equal("TPROXY true [] false",
            Render("{{ .ProxyConfig.InterceptionMode.String }} {{ .ProxyConfig.HoldApplicationUntilProxyStarts.GetValue }} [{{ .ProxyConfig.GetTracing.GetTlsSettings }}] {{ if .ProxyConfig.GetTracing.GetTlsSettings }}true{{ else }}false{{ end }}", data));
    }
}
