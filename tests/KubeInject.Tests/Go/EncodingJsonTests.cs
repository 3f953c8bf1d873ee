using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class EncodingJsonTests
{
    // encoding/json encode_test.go, encodeStringTests (Go ≥ 1.22: "\x08" → `"\b"`, "\x0c" → `"\f"`; Go 1.19–1.21
    // wrote `"\u0008"` and `"\u000c"`, which two of the old copies still did), and json.Marshal's documentation:
    // "<", ">", "&", U+2028 and U+2029 are escaped to "\u003c", "\u003e", "\u0026", "\u2028" and "\u2029".
    [Theory]
    [InlineData("\u0000", "\"\\u0000\"")]
    [InlineData("\u0007", "\"\\u0007\"")]
    [InlineData("\b", "\"\\b\"")]
    [InlineData("\t", "\"\\t\"")]
    [InlineData("\n", "\"\\n\"")]
    [InlineData("\u000b", "\"\\u000b\"")]
    [InlineData("\f", "\"\\f\"")]
    [InlineData("\r", "\"\\r\"")]
    [InlineData("\u001f", "\"\\u001f\"")]
    [InlineData("q\"\\", "\"q\\\"\\\\\"")]
    [InlineData("a<b>&c", "\"a\\u003cb\\u003e\\u0026c\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [InlineData("é😀\u007f", "\"é😀\u007f\"")]
    public void Strings_are_escaped_like_go_1_22(string input, string expected) =>
        Assert.Equal(expected, EncodingJson.Quote(input));

    // json.Marshal's documentation: "String values encode as JSON strings coerced to valid UTF-8, replacing invalid
    // bytes with the Unicode replacement rune"; encode.go writes that rune as the escape `\ufffd` (Go 1.19 and 1.22:
    // json.Marshal("a\xedb") == `"a\ufffdb"`). A lone surrogate is .NET's invalid UTF-16. A real U+FFFD stays raw.
    // encoding/json stream_test.go, TestEncoderSetEscapeHTML: "<&>" is `"\u003c\u0026\u003e"`, and `"<&>"` with
    // SetEscapeHTML(false); U+2028/2029 are escaped either way (encode.go: "so that the JSON will be safe to embed
    // inside HTML <script> tags" and in JSONP).
    [Fact]
    public void Html_escaping_can_be_turned_off_like_SetEscapeHTML()
    {
        Assert.Equal("\"\\u003c\\u0026\\u003e\"", EncodingJson.Quote("<&>"));
        Assert.Equal("\"<&>\"", EncodingJson.Quote("<&>", escapeHtml: false));
        Assert.Equal("\"\\u2028\\b\"", EncodingJson.Quote("\u2028\b", escapeHtml: false));
    }

    // (Built in code: theory data cannot carry a lone surrogate.)
    [Fact]
    public void Invalid_text_becomes_the_escaped_replacement_character()
    {
        Assert.Equal("\"a\\ufffdb\"", EncodingJson.Quote("a" + '\ud800' + "b"));
        Assert.Equal("\"\\ufffd\"", EncodingJson.Quote(new string('\udc00', 1)));
        Assert.Equal("\"\ufffd\"", EncodingJson.Quote("\ufffd"));
    }

    // encode.go floatEncoder: "Convert as if by ES6 number to string conversion … Like fmt %g, but the exponent
    // cutoffs are different and exponents themselves are not padded to two digits" (cutoffs 1e-6 and 1e21).
    // Outputs checked with json.Marshal on Go 1.19 (unchanged in 1.22).
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(100.0, "100")]
    [InlineData(0.5, "0.5")]
    [InlineData(1000000.0, "1000000")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(12345678901234567890.0, "12345678901234567000")]
    public void Floats_print_like_encoding_json(double value, string expected) =>
        Assert.Equal(expected, EncodingJson.Float(value));

    // encode.go: "json: unsupported value: NaN" / "+Inf" (UnsupportedValueError).
    [Theory]
    [InlineData(double.NaN, "json: unsupported value: NaN")]
    [InlineData(double.PositiveInfinity, "json: unsupported value: +Inf")]
    public void Non_finite_floats_are_refused_with_gos_message(double value, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => EncodingJson.Float(value)).Message);

    // json.Marshal's documentation: "The map keys are sorted"; nil slices and maps of interface values, numbers as float64.
    [Fact]
    public void Maps_are_written_with_sorted_keys()
    {
        var map = new Dictionary<string, object?>
        {
            ["b"] = 1.0,
            ["a"] = new List<object?> { "x", 2.5, null, true },
            ["é"] = new Dictionary<string, object?>(),
        };
        Assert.Equal("{\"a\":[\"x\",2.5,null,true],\"b\":1,\"é\":{}}", EncodingJson.Marshal(map));
    }

    [Fact]
    public void Unmarshal_gives_gos_generic_shapes_and_round_trips()
    {
        var value = EncodingJson.Unmarshal("{\"n\":1,\"s\":\"\\b\",\"l\":[true,null],\"n\":2}");
        Assert.Equal("{\"l\":[true,null],\"n\":2,\"s\":\"\\b\"}", EncodingJson.Marshal(value));
    }

    [Fact]
    public void The_writer_uses_the_same_escaping_and_keeps_field_order()
    {
        var json = new JsonWriter().BeginObject().Key("z<").String("\b\ud800").Key("a").StringsOrNull([]).Key("n").Number(-3).EndObject();
        Assert.Equal("{\"z\\u003c\":\"\\b\\ufffd\",\"a\":null,\"n\":-3}", json.ToString());
    }
}
