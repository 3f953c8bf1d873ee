using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class StrconvTests
{
    // strconv quote_test.go, quotetests (the Quote column); "abc\xffdef" has no UTF-16 form and is left out.
    [Theory]
    [InlineData("\a\b\f\r\n\t\v", "\"\\a\\b\\f\\r\\n\\t\\v\"")]
    [InlineData("\\", "\"\\\\\"")]
    [InlineData("\u263a", "\"☺\"")]
    [InlineData("\U0010ffff", "\"\\U0010ffff\"")]
    [InlineData("\u0004", "\"\\x04\"")]
    [InlineData("!\u00a0!\u2000!\u3000!", "\"!\\u00a0!\\u2000!\\u3000!\"")]
    [InlineData("\u007f", "\"\\x7f\"")]
    public void Quote_follows_gos_table(string input, string expected) => Assert.Equal(expected, Strconv.Quote(input));

    // Where the old copies disagreed: one wrote a printable U+FFFD as "\ufffd". Go 1.19 and 1.22 print
    // strconv.Quote("\ufffd") == `"�"` (unicode.IsPrint(U+FFFD) is true); U+0080, U+00AD and U+E000 are not printable.
    // A lone surrogate (what Go's JSON decoder turns into U+FFFD) quotes as U+FFFD.
    [Theory]
    [InlineData("\ufffd", "\"\ufffd\"")]
    [InlineData("\u0080\u00ad\ue000", "\"\\u0080\\u00ad\\ue000\"")]
    [InlineData("😀", "\"😀\"")]
    public void Quote_keeps_printable_runes(string input, string expected) => Assert.Equal(expected, Strconv.Quote(input));

    [Fact]
    public void Quote_reads_a_lone_surrogate_as_the_replacement_character() =>
        Assert.Equal("\"a\ufffd\"", Strconv.Quote("a" + '\ud800'));

    [Theory]
    [InlineData("\"a\\tb\\u263a\\x41\\101\"", "a\tb☺AA")]
    [InlineData("`raw\\n`", "raw\\n")]
    [InlineData("'\\''", "'")]
    public void Unquote_reads_gos_escapes(string literal, string expected) =>
        Assert.Equal(expected, Strconv.Unquote(literal, m => new FormatException(m)));

    [Theory]
    [InlineData("\"\\q\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"abc")]
    public void Unquote_refuses_bad_syntax(string literal) =>
        Assert.Throws<FormatException>(() => Strconv.Unquote(literal, m => new FormatException(m)));

    // strconv atob_test.go, atobtests.
    [Theory]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    public void ParseBool_accepts_gos_forms(string text, bool expected)
    {
        Assert.Equal(expected, Strconv.ParseBool(text));
        Assert.Null(Strconv.ParseBoolError(text));
    }

    // atobtests' errors, plus YAML 1.1 words Go does not take (the message is Go 1.19's, unchanged in 1.22).
    [Theory]
    [InlineData("")]
    [InlineData("asdf")]
    [InlineData("yes")]
    [InlineData("tRUE")]
    [InlineData(null)]
    public void ParseBool_refuses_everything_else(string? text)
    {
        Assert.Null(Strconv.ParseBool(text));
        if (text is not null) Assert.Equal($"strconv.ParseBool: parsing \"{text}\": invalid syntax", Strconv.ParseBoolError(text));
    }

    // strconv atoi_test.go, parseInt64Tests (Atoi is ParseInt(s, 10, 0) with a 64-bit int), errors as Go 1.19 prints them.
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("+1", 1L)]
    [InlineData("-12345", -12345L)]
    [InlineData("012345", 12345L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Atoi_reads_64_bit_ints(string text, long expected)
    {
        Assert.Equal(expected, Strconv.Atoi(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("9223372036854775808", "strconv.Atoi: parsing \"9223372036854775808\": value out of range")]
    [InlineData("-9223372036854775809", "strconv.Atoi: parsing \"-9223372036854775809\": value out of range")]
    [InlineData("", "strconv.Atoi: parsing \"\": invalid syntax")]
    [InlineData("1_000", "strconv.Atoi: parsing \"1_000\": invalid syntax")]
    [InlineData("123%45", "strconv.Atoi: parsing \"123%45\": invalid syntax")]
    public void Atoi_errors_read_like_gos(string text, string expected)
    {
        Assert.Null(Strconv.Atoi(text, out var error));
        Assert.Equal(expected, error);
    }

    // strconv.ParseUint(s, 10, bitSize), messages as Go 1.19 prints them.
    [Theory]
    [InlineData("65535", 16, null)]
    [InlineData("65536", 16, "strconv.ParseUint: parsing \"65536\": value out of range")]
    [InlineData("-1", 16, "strconv.ParseUint: parsing \"-1\": invalid syntax")]
    [InlineData("4294967295", 32, null)]
    public void ParseUint_checks_range(string text, int bitSize, string? expected) =>
        Assert.Equal(expected, Strconv.ParseUintError(text, bitSize));

    // strconv ftoa_test.go, ftoatests with precision -1 (shortest), plus values checked with Go 1.19.
    [Theory]
    [InlineData(1.0, 'g', "1")]
    [InlineData(20.0, 'g', "20")]
    [InlineData(1234567.8, 'g', "1.2345678e+06")]
    [InlineData(200000.0, 'g', "200000")]
    [InlineData(2000000.0, 'g', "2e+06")]
    [InlineData(1e23, 'e', "1e+23")]
    [InlineData(1e23, 'f', "100000000000000000000000")]
    [InlineData(1e23, 'g', "1e+23")]
    [InlineData(0.000001, 'g', "1e-06")]
    [InlineData(0.0001, 'g', "0.0001")]
    [InlineData(-0.0, 'g', "-0")]
    [InlineData(0.0, 'e', "0e+00")]
    [InlineData(double.PositiveInfinity, 'g', "+Inf")]
    [InlineData(double.NegativeInfinity, 'g', "-Inf")]
    [InlineData(double.NaN, 'g', "NaN")]
    public void FormatFloat_writes_shortest_digits(double value, char fmt, string expected) =>
        Assert.Equal(expected, Strconv.FormatFloat(value, fmt));

    // FormatFloat(v, 'g', -1, 32) "assumes the original was obtained from a float32": Go 1.19 prints float32(0.1) as
    // 0.1 with bitSize 32 and 0.10000000149011612 with 64.
    [Theory]
    [InlineData(0.1, 32, "0.1")]
    [InlineData(0.1, 64, "0.10000000149011612")]
    [InlineData(16777216.0, 32, "1.6777216e+07")]
    public void FormatFloat_honours_the_bit_size(double value, int bitSize, string expected) =>
        Assert.Equal(expected, Strconv.FormatFloat((float)value, 'g', bitSize));
}
