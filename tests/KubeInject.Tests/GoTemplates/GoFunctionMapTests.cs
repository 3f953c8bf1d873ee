using KubeInject.Diagnostics;
using KubeInject.GoTemplates;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// Istio's and sprig's functions under their Go names, with Go's argument order (a piped value comes last).
/// Expected values follow sprig's documentation and Istio's pkg/kube/inject/template.go.
/// </summary>
public sealed class GoFunctionMapTests
{
    private static string Render(string template, object? data = null) => GoTemplate.Compile("f", template).Render(data);

    private static GoStruct Pod() => new()
    {
        ["ObjectMeta"] = new GoStruct
        {
            ["annotations"] = new GoStringMap { ["present"] = "", ["k"] = "v" },
        },
    };

    [Theory]
    [InlineData("{{ \"hello\" | default \"x\" }}", "hello")]
    [InlineData("{{ \"\" | default \"x\" }}", "x")]
    [InlineData("{{ 0 | default 5 }}", "5")]
    [InlineData("{{ default \"x\" \"y\" }}", "y")]
    [InlineData("{{ \"abc-\" | trimSuffix \"-\" }}", "abc")]
    [InlineData("{{ \"hello world\" | trunc 5 }}", "hello")]
    [InlineData("{{ contains \"b\" \"abc\" }}", "true")]          // Istio's flipped contains: needle first
    [InlineData("{{ hasPrefix \"ab\" \"abc\" }}", "true")]
    [InlineData("{{ \"a\\nb\" | indent 2 }}", "a\n  b")]          // Istio's indent: every line but the first
    [InlineData("{{ \"a\\nb\" | nindent 2 }}", "\n  a\n  b")]     // sprig's nindent: a newline, then every line
    [InlineData("{{ list 1 2 \"x\" | join \",\" }}", "1,2,x")]
    [InlineData("{{ $l := list }}{{ $l = append $l \"a\" }}{{ len $l }}", "1")]
    [InlineData("{{ toJSON (strdict \"b\" \"2\" \"a\" \"1\") }}", "{\"a\":\"1\",\"b\":\"2\"}")]
    [InlineData("{{ valueOrDefault \"\" \"d\" }}|{{ valueOrDefault 0 \"d\" }}", "d|0")]
    [InlineData("{{ quote \"a\" 1 }}", "\"a\" \"1\"")]
    [InlineData("{{ toYaml (dict \"a\" 1) }}", "a: 1\n")]
    [InlineData("{{ (fromJSON \"{\\\"a\\\":[1,2]}\").a }}", "[1 2]")]
    [InlineData("{{ toLower \"AbC\" }}", "abc")]
    [InlineData("{{ directory \"/etc/certs/ca.pem\" }}", "/etc/certs/")]
    [InlineData("{{ excludeInboundPort 15020 \"80,81\" }}", "80,81,15020")]
    [InlineData("{{ upper \"a\" }}{{ replace \"a\" \"b\" \"aa\" }}{{ repeat 2 \"z\" }}", "Abbzz")]
    [InlineData("{{ add 1 2 }} {{ sub 5 3 }} {{ mul 2 3 }} {{ div 7 2 }} {{ mod 7 2 }}", "3 2 6 3 1")]
    [InlineData("{{ b64enc \"hi\" }}", "aGk=")]
    [InlineData("{{ regexMatch \"^a.c$\" \"abc\" }}", "true")]
    [InlineData("{{ ternary \"y\" \"n\" true }}", "y")]
    [InlineData("{{ first (list 1 2) }}{{ last (list 1 2) }}", "12")]
    public void Functions_follow_go_argument_order(string template, string expected) => Assert.Equal(expected, Render(template));

    // sprig semver_test.go (TestSemverCompare, TestSemver) and the semver functions' documentation.
    [Theory]
    [InlineData("{{ semverCompare \"1.2.3\" \"1.2.3\" }}", "true")]
    [InlineData("{{ semverCompare \"^1.2.0\" \"1.2.3\" }}", "true")]
    [InlineData("{{ semverCompare \"^1.2.0\" \"2.2.3\" }}", "false")]
    [InlineData("{{ semverCompare \">=1.28.0-0 <1.31\" \"1.30.3\" }}", "true")]
    [InlineData("{{ $s := semver \"1.2.3-beta.1+c0ff33\" }}{{ $s.Prerelease }}", "beta.1")]
    [InlineData("{{ $s := semver \"1.2.3-beta.1+c0ff33\" }}{{ $s.Major}}", "1")]
    [InlineData("{{ semver \"1.2.3\" | (semver \"1.2.3\").Compare }}", "0")]
    [InlineData("{{ semver \"1.2.3\" | (semver \"1.3.3\").Compare }}", "1")]
    [InlineData("{{ semver \"1.4.3\" | (semver \"1.2.3\").Compare }}", "-1")]
    [InlineData("{{ (semver \"v1.30\").Minor }} {{ (semver \"v1.30\").Original }} {{ semver \"v1.30\" }} {{ typeOf (semver \"1.0.0\") }}", "30 v1.30 1.30.0 *semver.Version")]
    [InlineData("{{ $v := semver \"1.2.3+meta\" }}{{ $v.Metadata }} {{ $v.Patch }} {{ $v.LessThan (semver \"2.0.0\") }}", "meta 3 true")]
    public void Semver_functions_follow_sprig(string template, string expected) => Assert.Equal(expected, Render(template));

    // TestSemverCompareErr: a bad constraint or version is an error, not false.
    [Theory]
    [InlineData("{{ semverCompare \"badConstraint\" \"1.2.3\" }}", "error calling semverCompare: improper constraint: badConstraint")]
    [InlineData("{{ semverCompare \"1.2.0\" \"badVersion\" }}", "error calling semverCompare: Invalid Semantic Version")]
    [InlineData("{{ semver \"1.2\" | (semver \"1.3\").Nope }}", "can't evaluate field Nope in type *semver.Version")]
    [InlineData("{{ \"1.2\" | (semver \"1.3\").Compare }}", "wrong type for value; expected *semver.Version; got string")]
    [InlineData("{{ (dict \"a\" 1).a 2 }}", "a is not a method but has arguments")]
    public void Semver_errors_end_the_render(string template, string message) =>
        Assert.Contains(message, Assert.Throws<KubeInjectException>(() => Render(template)).Message);

    [Fact]
    public void Istio_annotation_and_isset_read_the_pod_metadata()
    {
        Assert.Equal("v||15020|<nil>", Render("{{ annotation .ObjectMeta \"k\" \"d\" }}|{{ annotation .ObjectMeta \"present\" \"d\" }}|{{ annotation .ObjectMeta \"missing\" 15020 }}|{{ annotation .ObjectMeta \"missing\" nil }}", Pod()));
        Assert.Equal("true false", Render("{{ isset .ObjectMeta.Annotations \"present\" }} {{ isset .ObjectMeta.Annotations \"missing\" }}", Pod()));
    }

    [Fact]
    public void A_wrong_number_of_arguments_is_an_execution_error()
    {
        var e = Assert.Throws<KubeInjectException>(() => Render("x\n{{ \"a\" | trimSuffix }}"));
        Assert.Contains("f:2", e.Message);
        Assert.Contains("wrong number of args for trimSuffix: want 2 got 1", e.Message);
    }

    [Fact]
    public void Otel_resource_attributes_are_empty_without_an_enriching_provider()
    {
        var data = new GoStruct { ["MeshConfig"] = new GoStruct(), ["ObjectMeta"] = new GoStruct(), ["Spec"] = new GoStruct() };
        Assert.Equal("[]", Render("[{{ otelResourceAttributes .MeshConfig .ObjectMeta.Annotations .ObjectMeta.Labels \"ns\" .Spec.Containers }}]", data));
    }
}
