using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class FmtTests
{
    // fmt's documentation: %v of a float64 is %g (strconv 'g', shortest), maps print "map[k:v]" sorted by key, slices
    // "[a b]", nil "<nil>". Outputs checked with Go 1.19: fmt.Sprint(map[string]interface{}{"b": 1.0, "a":
    // []interface{}{"x", 2.0, nil}, "é": true, "Z": map[string]interface{}{}}) == "map[Z:map[] a:[x 2 <nil>] b:1 é:true]".
    [Fact]
    public void Sprint_prints_maps_sorted_and_floats_as_g()
    {
        var map = new Dictionary<string, object?>
        {
            ["b"] = 1.0,
            ["a"] = new List<object?> { "x", 2.0, null },
            ["é"] = true,
            ["Z"] = new Dictionary<string, object?>(),
        };
        Assert.Equal("map[Z:map[] a:[x 2 <nil>] b:1 é:true]", Fmt.Sprint(map));
        Assert.Equal("1e+06", Fmt.Sprint(1e6));
        Assert.Equal("<nil>", Fmt.Sprint(null));
    }

    // fmt's documentation for Sprint: "Spaces are added between operands when neither is a string"; Go 1.19:
    // fmt.Sprint("x", 1, 2, "y", 3.5, true, nil) == "x1 2y3.5 true <nil>", fmt.Sprintln("a", 1, 2.0) == "a 1 2\n".
    [Fact]
    public void Sprint_and_Sprintln_space_operands_like_go()
    {
        Assert.Equal("x1 2y3.5 true <nil>", Fmt.SprintOperands(["x", 1L, 2L, "y", 3.5, true, null]));
        Assert.Equal("a 1 2\n", Fmt.Sprintln(["a", 1L, 2.0]));
    }

    // fmt fmt_test.go, fmtTests (verbs, flags, bad verbs, missing and extra operands); the last cases checked with Go 1.19.
    [Theory]
    [InlineData("%d", "hello", "%!d(string=hello)")]
    [InlineData("%s", null, "%!s(<nil>)")]
    [InlineData("%v", null, "<nil>")]
    [InlineData("%T", null, "<nil>")]
    [InlineData("%5s", "abc", "  abc")]
    [InlineData("%-5s", "abc", "abc  ")]
    [InlineData("%q", "a\"b", "\"a\\\"b\"")]
    [InlineData("%#q", "abc", "`abc`")]
    [InlineData("%x", "xyz", "78797a")]
    [InlineData("%X", "xyz", "78797A")]
    [InlineData("%t", true, "true")]
    [InlineData("%T", 1.5, "float64")]
    [InlineData("%.2s", "日本語", "日本")]
    [InlineData("%+d", 5L, "+5")]
    [InlineData("%05d", -12L, "-0012")]
    [InlineData("%e", 1.0, "1.000000e+00")]
    [InlineData("%f", 1e6, "1000000.000000")]
    [InlineData("%g", 1e6, "1e+06")]
    [InlineData("%.3g", 1234.5678, "1.23e+03")]
    [InlineData("%s|%d", "only", "only|%!d(MISSING)")]
    [InlineData("%d%%", 1L, "1%")]
    [InlineData("istio.%s", "io", "istio.io")]
    public void Sprintf_follows_gos_table(string format, object? arg, string expected) =>
        Assert.Equal(expected, Fmt.Sprintf(format, [arg]));

    [Fact]
    public void Sprintf_reports_extra_operands() => Assert.Equal("1%!(EXTRA int=2)", Fmt.Sprintf("%d", [1L, 2L]));

    // Go sorts map keys (and ranges over them) by the bytes of their UTF-8 encoding, which is code-point order; .NET's
    // ordinal order is UTF-16 order and puts U+10000 before U+FFFD. One old %v copy sorted that way.
    [Fact]
    public void Map_keys_sort_by_code_point_not_utf16()
    {
        Assert.Equal(["a", "\ufffd", "😀"], Fmt.SortedKeys(["😀", "\ufffd", "a"]));
        Assert.True(Fmt.Utf8Order("\ufffd", "😀") < 0);
    }
}
