using KubeInject.Diagnostics;
using KubeInject.Go;
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

    private static readonly DateTimeOffset FixedNow = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static string RenderAt(string template, object? time) =>
        GoTemplate.Compile("f", template).Render(new GoStruct { ["Time"] = time }, new KubeInject.Rendering.GoTemplateContext(GoTemplate.Builtins) { Now = FixedNow });

    private static readonly TimeValue Thirteenth = TimeFormat.Parse("02 Jan 06 15:04:05 MST", "13 Jun 19 20:39:39 GMT");

    // sprig date_test.go (TestToDate, TestUnixEpoch, TestDateInZone, TestDurationRound, TestAgo, TestHtmlDate) with
    // the render's fixed "now" where sprig uses time.Now().
    [Fact]
    public void Date_functions_follow_sprigs_tests()
    {
        Assert.Equal("31/12/2017", RenderAt("{{toDate \"2006-01-02\" \"2017-12-31\" | date \"02/01/2006\"}}", null));
        Assert.Equal("1560458379", RenderAt("{{unixEpoch .Time}}", Thirteenth));
        Assert.Equal("13 Jun 19 20:39 +0000", RenderAt("{{ date_in_zone \"02 Jan 06 15:04 -0700\" .Time \"UTC\" }}", Thirteenth));
        Assert.Equal("13 Jun 19 20:39 +0000", RenderAt("{{ date_in_zone \"02 Jan 06 15:04 -0700\" .Time \"UTC\" }}", 1560458379L));
        Assert.Equal("06 May 24 07:08 +0000", RenderAt("{{ date_in_zone \"02 Jan 06 15:04 -0700\" .Time \"UTC\" }}", ""));
        Assert.Equal("13 Jun 19 20:39 +0000", RenderAt("{{ date_in_zone \"02 Jan 06 15:04 -0700\" .Time \"foobar\" }}", Thirteenth));
        Assert.Equal("2h", RenderAt("{{ durationRound .Time }}", "2h5s"));
        Assert.Equal("1d", RenderAt("{{ durationRound .Time }}", "24h5s"));
        Assert.Equal("3mo", RenderAt("{{ durationRound .Time }}", "2400h5s"));
        Assert.Equal("2m5s", RenderAt("{{ ago .Time }}", TimeValue.Utc(FixedNow.AddSeconds(-125))));
        Assert.Equal("2h34m17s", RenderAt("{{ ago .Time }}", TimeValue.Utc(FixedNow.AddSeconds(-(2 * 3600 + 34 * 60 + 17)))));
        Assert.Equal("-5s", RenderAt("{{ ago .Time }}", TimeValue.Utc(FixedNow.AddSeconds(5))));
        Assert.Equal("1970-01-01", RenderAt("{{ htmlDate 0 }}", null));
    }

    // sprig's date documentation: now, date, dateModify, duration, toDate, mustToDate; a named zone through the
    // system's IANA database.
    [Fact]
    public void Now_is_the_renders_and_dates_format_with_go_layouts()
    {
        Assert.Equal("2024-05-06 07:08:09 +0000 UTC", RenderAt("{{ now }}", null));
        Assert.Equal("2024-05-06", RenderAt("{{ now | date \"2006-01-02\" }}", null));
        Assert.Equal("2024-05-06T05:38:09Z", RenderAt("{{ now | dateModify \"-1.5h\" | date \"2006-01-02T15:04:05Z07:00\" }}", null));
        Assert.Equal("2024-05-06T07:08:09Z", RenderAt("{{ now | dateModify \"oops\" | date \"2006-01-02T15:04:05Z07:00\" }}", null));
        Assert.Equal("1m35s 0s", RenderAt("{{ duration \"95\" }} {{ duration 1.5 }}", null));
        Assert.Equal("2024 May 6 1714979289 time.Time struct", RenderAt("{{ now.Year }} {{ now.Month }} {{ now.Day }} {{ now.Unix }} {{ typeOf now }} {{ kindOf now }}", null));
        Assert.Equal("09:08 +0200|2024", RenderAt("{{ dateInZone \"15:04 -0700\" now \"Europe/Berlin\" }}|{{ (now).Format \"2006\" }}", null));
        Assert.Equal("0001-01-01 00:00:00 +0000 UTC", RenderAt("{{ toDate \"2006-01-02\" \"bad\" }}", null));
    }

    [Theory]
    [InlineData("{{ mustToDate \"2006-01-02\" \"bad\" }}", "error calling mustToDate: parsing time \"bad\" as \"2006-01-02\": cannot parse \"bad\" as \"2006\"")]
    [InlineData("{{ now | mustDateModify \"oops\" }}", "error calling mustDateModify: time: invalid duration \"oops\"")]
    [InlineData("{{ unixEpoch \"2024\" }}", "wrong type for value; expected time.Time; got string")]
    [InlineData("{{ now.Nope }}", "can't evaluate field Nope in type time.Time")]
    public void Date_errors_end_the_render(string template, string message) =>
        Assert.Contains(message, Assert.Throws<KubeInjectException>(() => RenderAt(template, null)).Message);

    // The rest of sprig's map, from its function documentation (adler32 checked against zlib).
    [Theory]
    [InlineData("{{ plural \"one anchovy\" \"many anchovies\" 1 }}|{{ plural \"one anchovy\" \"many anchovies\" 2 }}", "one anchovy|many anchovies")]
    [InlineData("{{ $a := splitn \"$\" 2 \"foo$bar$baz\" }}{{ $a._0 }}|{{ $a._1 }}", "foo|bar$baz")]
    [InlineData("{{ regexFindAll \"[2,4,6,8]\" \"123456789\" -1 }} {{ regexFindAll \"[2,4,6,8]\" \"123456789\" 2 }}", "[2 4 6 8] [2 4]")]
    [InlineData("{{ regexQuoteMeta \"1.2.3\" }}", "1\\.2\\.3")]
    [InlineData("{{ base \"foo/bar/baz\" }} {{ ext \"foo.bar\" }} {{ isAbs \"/a\" }} {{ base \"\" }} {{ base \"//\" }}", "baz .bar true . /")]
    [InlineData("{{ sha1sum \"Hello world!\" }} {{ adler32sum \"Hello world!\" }}", "d3486ae9136e7856bc42212385ea797094475802 487130206")]
    [InlineData("{{ all 1 \"a\" true }} {{ all 1 \"\" }} {{ any 0 \"\" \"x\" }} {{ any 0 \"\" }}", "true false true false")]
    [InlineData("{{ chunk 2 (list 1 2 3 4 5) }}", "[[1 2] [3 4] [5]]")]
    [InlineData("{{ pluck \"name1\" (dict \"name1\" \"value1\") (dict \"name2\" \"x\") (dict \"name1\" \"value2\") }}", "[value1 value2]")]
    [InlineData("{{ $d := dict \"user\" (dict \"role\" (dict \"humanName\" \"curator\")) }}{{ dig \"user\" \"role\" \"humanName\" \"guest\" $d }}|{{ dig \"user\" \"x\" \"guest\" $d }}", "curator|guest")]
    [InlineData("{{ typeIs \"string\" \"x\" }} {{ typeIsLike \"semver.Version\" (semver \"1.0.0\") }} {{ typeIs \"int\" \"x\" }}", "true true false")]
    [InlineData("{{ toRawJson (dict \"a\" \"<b>\") }} {{ toJson (dict \"a\" \"<b>\") }}", "{\"a\":\"<b>\"} {\"a\":\"\\u003cb\\u003e\"}")]
    [InlineData("{{ mustFirst (list 1 2) }} {{ tuple 1 2 }} {{ biggest 1 5 3 }} {{ hello }}", "1 [1 2] 5 Hello!")]
    [InlineData("{{ addf 1.5 2 2 }} {{ add1f 1.5 }} {{ subf 7.5 2 3 }} {{ mulf 1.5 2 2 }} {{ divf 10 2 4 }} {{ addf 0.1 0.2 }}", "5.5 2.5 2.5 6 1.25 0.3")]
    [InlineData("{{ maxf 1 2.5 3 }} {{ minf 1.5 2 3 }} {{ floor 123.9999 }} {{ ceil 123.001 }} {{ round 123.555555 3 }} {{ round 123.5 0 0.6 }}", "3 1.5 123 124 123.556 123")]
    [InlineData("{{ seq 5 }}|{{ seq -3 }}|{{ seq 0 2 }}|{{ seq 2 -2 }}|{{ seq 0 2 10 }}|{{ seq 0 -2 -5 }}|{{ seq 0 2 -5 }}", "1 2 3 4 5|1 0 -1 -2 -3|0 1 2|2 1 0 -1 -2|0 2 4 6 8 10|0 -2 -4|")]
    [InlineData("{{ untilStep 3 6 2 }} {{ untilStep 6 3 -1 }} {{ untilStep 6 3 1 }}", "[3 5] [6 5 4] []")]
    [InlineData("{{ dir \"/foo/bar/baz\" }} {{ clean \"foo/bar/../baz\" }} {{ clean \"/../a//b/./\" }} {{ dir \"x\" }}", "/foo/bar foo/baz /a/b .")]
    [InlineData("{{ toPrettyJson (dict \"a\" 1 \"b\" (list 1 2) \"c\" (dict) \"d\" \"x,{y}\") }}", "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {},\n  \"d\": \"x,{y}\"\n}")]
    public void More_sprig_functions_follow_its_documentation(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ fail \"Please accept the end user license agreement\" }}", "error calling fail: Please accept the end user license agreement")]
    [InlineData("{{ mustFirst }}", "wrong number of args for mustFirst: want 1 got 0")]
    [InlineData("{{ divf 1 0 }}", "error calling divf: decimal division by 0")]
    public void Sprig_errors_end_the_render(string template, string message) =>
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
