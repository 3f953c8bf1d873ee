using KubeInject.Rendering;
using Scriban.Runtime;

namespace KubeInject.Tests.Rendering;

/// <summary>Istio funcmap and sprig functions, called directly and through Scriban pipes.</summary>
public class TemplateFunctionsTests
{
    private static ScriptObject Meta(params (string Key, string Value)[] annotations)
    {
        var a = new ScriptObject();
        foreach (var (k, v) in annotations) a[k] = v;
        return new ScriptObject { ["annotations"] = a };
    }

    [Fact]
    public void Annotation_returns_a_present_value_even_when_empty() =>
        Assert.Equal("", TemplateFunctions.Annotation(Meta(("a", "")), "a", "fallback"));

    [Fact]
    public void Annotation_prints_the_default_like_fmt_sprint()
    {
        Assert.Equal("15020", TemplateFunctions.Annotation(Meta(), "a", 15020.0));
        Assert.Equal("1e+06", TemplateFunctions.Annotation(Meta(), "a", 1000000.0));
        Assert.Equal("<nil>", TemplateFunctions.Annotation(Meta(), "a", null));
        Assert.Equal("false", TemplateFunctions.Annotation(Meta(), "a", false));
        Assert.Equal("REDIRECT", TemplateFunctions.Annotation(null, "a", "REDIRECT"));
    }

    [Fact]
    public void Value_or_default_replaces_only_nil_and_empty_string()
    {
        Assert.Equal("d", TemplateFunctions.ValueOrDefault(null, "d"));
        Assert.Equal("d", TemplateFunctions.ValueOrDefault("", "d"));
        Assert.Equal(0L, TemplateFunctions.ValueOrDefault(0L, "d"));
        Assert.Equal(false, TemplateFunctions.ValueOrDefault(false, "d"));
        var empty = new ScriptArray();
        Assert.Same(empty, TemplateFunctions.ValueOrDefault(empty, "d"));
    }

    [Fact]
    public void Isset_sees_keys_with_empty_values_and_tolerates_nil_maps()
    {
        Assert.True(TemplateFunctions.Isset(new ScriptObject { ["k"] = "" }, "k"));
        Assert.False(TemplateFunctions.Isset(new ScriptObject(), "k"));
        Assert.False(TemplateFunctions.Isset(null, "k"));
    }

    [Fact]
    public void Default_takes_the_piped_value_first() =>
        Assert.Equal("istio|x", InlineTemplates.Render("{{ default \"istio\" nil }}|{{ \"x\" | default \"istio\" }}"));

    [Fact]
    public void Quote_uses_go_escaping_and_skips_nil()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\t\"", TemplateFunctions.Quote("a\"b\\c\n\t"));
        Assert.Equal("\"15001\" \"1e+06\"", TemplateFunctions.Quote(15001L, 1000000.0));
        Assert.Equal("", TemplateFunctions.Quote([null]));
        Assert.Equal("\"\\x01é\\u00a0\"", TemplateFunctions.Quote("\u0001é\u00a0"));
    }

    [Fact]
    public void Trunc_cuts_bytes_and_keeps_the_tail_for_negative_lengths()
    {
        Assert.Equal("abc", TemplateFunctions.Trunc("abcdef", 3));
        Assert.Equal("def", TemplateFunctions.Trunc("abcdef", -3));
        Assert.Equal("ab", TemplateFunctions.Trunc("ab", 63));
        Assert.Equal("a", TemplateFunctions.Trunc("aé", 2)[..1]); // é is two bytes; cutting inside it leaves U+FFFD
        Assert.Equal("abcdef", TemplateFunctions.Trunc("abcdef", -10));
    }

    [Fact]
    public void Canonical_name_pipeline_truncates_to_63_bytes_and_trims_one_dash()
    {
        var name = new string('a', 62) + "-b";
        Assert.Equal(new string('a', 62), InlineTemplates.Render($"{{{{ \"{name}\" | trunc 63 | trimSuffix \"-\" }}}}"));
    }

    [Fact]
    public void Trim_suffix_removes_one_occurrence() => Assert.Equal("a-", TemplateFunctions.TrimSuffix("a--", "-"));

    [Fact]
    public void Contains_takes_the_needle_first() => Assert.True(TemplateFunctions.Contains("/", "docker.io/proxy"));

    [Fact]
    public void Directory_keeps_up_to_the_last_slash()
    {
        Assert.Equal("/etc/certs/", TemplateFunctions.Directory("/etc/certs/ca.pem"));
        Assert.Equal("", TemplateFunctions.Directory("ca.pem"));
        Assert.Equal("", TemplateFunctions.Directory(null));
    }

    [Theory]
    [InlineData("15020", "", "15020")]
    [InlineData("15020", "4,5,6", "4,5,6,15020")]
    [InlineData("15020", " 4, ,5 ", "4,5,15020")]
    [InlineData("15020", "1,15020", "1,15020")]
    [InlineData("15020", "1, 15020", "1,15020,15020")] // the membership test compares untrimmed items
    [InlineData("0", "1,2", "1,2")]
    [InlineData("", "1", "1")]
    [InlineData(" 123 ", "", "123")]
    public void Exclude_inbound_port(string port, string list, string expected) =>
        Assert.Equal(expected, TemplateFunctions.ExcludeInboundPort(port, list));

    [Fact]
    public void Exclude_inbound_port_prints_numbers_like_go() =>
        Assert.Equal("15020", TemplateFunctions.ExcludeInboundPort(15020.0, ""));

    [Fact]
    public void Include_inbound_ports_skips_udp_and_sctp_and_application_ports_skips_the_proxy()
    {
        var containers = new ScriptArray
        {
            new ScriptObject { ["name"] = "app", ["ports"] = new ScriptArray { new ScriptObject { ["containerPort"] = 80L }, new ScriptObject { ["containerPort"] = 53L, ["protocol"] = "UDP" } } },
            new ScriptObject { ["name"] = "istio-proxy", ["ports"] = new ScriptArray { new ScriptObject { ["containerPort"] = 15090L, ["protocol"] = "TCP" } } },
            new ScriptObject { ["name"] = "x", ["ports"] = new ScriptArray { new ScriptObject { ["containerPort"] = 9L, ["protocol"] = "SCTP" } } },
        };
        Assert.Equal("80,15090", TemplateFunctions.IncludeInboundPorts(containers));
        Assert.Equal("80", TemplateFunctions.ApplicationPorts(containers));
        Assert.Equal("", TemplateFunctions.IncludeInboundPorts(null));
    }

    [Theory]
    [InlineData("", "default/istio-cni")]
    [InlineData("macvlan-conf-1", "macvlan-conf-1, default/istio-cni")]
    [InlineData("a, default/istio-cni ", "a, default/istio-cni ")]
    [InlineData("[{\"name\": \"macvlan\"}]", "[{\"name\": \"macvlan\"}, {\"name\": \"default/istio-cni\"}]")]
    [InlineData("[]", "[, {\"name\": \"default/istio-cni\"}]")]
    [InlineData("[{\"name\": \"default/istio-cni\"}]", "[{\"name\": \"default/istio-cni\"}]")]
    [InlineData("[not json]", "[not json]")]
    public void Append_multus_network(string existing, string expected) =>
        Assert.Equal(expected, MultusNetworks.Append(existing, "default/istio-cni", namespaceMatching: false));

    [Theory]
    [InlineData("", "default/istio-cni")]
    [InlineData("macvlan-conf-1", "macvlan-conf-1, default/istio-cni")]
    [InlineData("[{\"name\": \"alt\"}, {\"name\": \"more\", \"namespace\": \"kube-system\"}]",
        "[{\"name\": \"alt\"}, {\"name\": \"more\", \"namespace\": \"kube-system\"}, {\"name\": \"istio-cni\", \"namespace\": \"default\"}]")]
    [InlineData("[{\"name\": \"istio-cni\", \"namespace\": \"default\"}]", "[{\"name\": \"istio-cni\", \"namespace\": \"default\"}]")]
    [InlineData("[{\"name\": \"istio-cni\"}]", "[{\"name\": \"istio-cni\"}, {\"name\": \"istio-cni\", \"namespace\": \"default\"}]")]
    public void Append_multus_network_matches_namespaces_in_1_29(string existing, string expected) =>
        Assert.Equal(expected, MultusNetworks.Append(existing, "default/istio-cni", namespaceMatching: true));

    [Fact]
    public void Omit_nil_drops_nil_entries_recursively_and_empties_become_nil()
    {
        var resources = new ScriptObject
        {
            ["limits"] = new ScriptObject { ["cpu"] = null, ["memory"] = "500Mi" },
            ["requests"] = new ScriptObject { ["cpu"] = null },
            ["list"] = new ScriptArray { null, "a" },
        };
        var result = Assert.IsType<ScriptObject>(TemplateFunctions.OmitNil(resources));
        Assert.Equal(["limits", "list"], result.Keys.Order());
        Assert.Equal(["memory"], Assert.IsType<ScriptObject>(result["limits"]).Keys);
        Assert.Equal(["a"], Assert.IsType<ScriptArray>(result["list"]).Cast<object>());
        Assert.Null(TemplateFunctions.OmitNil(new ScriptObject { ["cpu"] = null }));
        Assert.Equal("0", TemplateFunctions.OmitNil("0"));
    }

    [Fact]
    public void Env_reads_the_render_environment_never_the_process()
    {
        System.Environment.SetEnvironmentVariable("KUBEINJECT_TEST_ENV", "process");
        var data = RenderFixture.Data(environment: new Dictionary<string, string> { ["A"] = "set", ["E"] = "" });
        Assert.Equal("set|dflt|dflt|dflt", InlineTemplates.Render("{{ env \"A\" \"dflt\" }}|{{ env \"E\" \"dflt\" }}|{{ env \"B\" \"dflt\" }}|{{ env \"KUBEINJECT_TEST_ENV\" \"dflt\" }}", data));
    }

    [Fact]
    public void Omit_strdict_and_merge_maps()
    {
        var m = TemplateFunctions.Strdict("a", "1", "b", "2", "c");
        Assert.Equal("{\"a\":\"1\",\"b\":\"2\",\"c\":\"\"}", TemplateFunctions.ToJson(m));
        Assert.Equal("{\"b\":\"2\"}", TemplateFunctions.ToJson(TemplateFunctions.Omit(m, "a", "c")));
        Assert.Equal("{\"a\":\"9\",\"b\":\"2\",\"c\":\"\"}", TemplateFunctions.ToJsonMap(m, TemplateFunctions.Strdict("a", "9")));
        Assert.Null(TemplateFunctions.MergeMaps());
        Assert.Equal("null", TemplateFunctions.ToJsonMap());
    }

    [Fact]
    public void Join_skips_nils_and_prints_like_go()
    {
        Assert.Equal("a,1,1e+06", TemplateFunctions.Join(new ScriptArray { "a", null, 1L, 1000000.0 }, ","));
        Assert.Equal("", TemplateFunctions.Join(null, ","));
        Assert.Equal("x", TemplateFunctions.Join("x", ","));
        Assert.Equal("a,b", InlineTemplates.Render("{{ list \"a\" \"b\" | join \",\" }}"));
    }

    [Fact]
    public void Indent_skips_the_first_line_and_nindent_does_not()
    {
        Assert.Equal("a:\n  b\n  ", TemplateFunctions.Indent("a:\nb\n", 2));
        Assert.Equal("\n  a:\n  b\n  ", TemplateFunctions.Nindent("a:\nb\n", 2));
        Assert.Equal("x|\n    x", InlineTemplates.Render("{{ \"x\" | indent 4 }}|{{ \"x\" | nindent 4 }}"));
    }

    [Fact]
    public void Append_makes_a_new_list()
    {
        var list = new ScriptArray { "a" };
        var appended = TemplateFunctions.Append(list, "b");
        Assert.Equal("[a b]", KubeInject.Go.Fmt.Sprint(appended));
        Assert.Equal("[a]", KubeInject.Go.Fmt.Sprint(list));
        Assert.Equal("[x]", KubeInject.Go.Fmt.Sprint(TemplateFunctions.Append(null, "x")));
    }

    [Theory]
    [InlineData("23s", "23s")]
    [InlineData("90s", "1m30s")]
    [InlineData("1.500s", "1.5s")]
    [InlineData("3600s", "1h0m0s")]
    [InlineData("0.5s", "500ms")]
    [InlineData("0s", "0s")]
    public void Format_duration_prints_go_durations(string proto, string go) => Assert.Equal(go, TemplateFunctions.FormatDuration(proto));


}
