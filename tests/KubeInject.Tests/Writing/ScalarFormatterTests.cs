using KubeInject.Writing;
using KubeInject.Yaml;
using static KubeInject.Tests.Writing.WriterTestKit;

namespace KubeInject.Tests.Writing;

/// <summary>The quoting policy for scalars the writer creates.</summary>
public class ScalarFormatterTests
{
    private static string Inline(YScalar s) => ScalarFormatter.Value(s, 0, 2, "\n");

    public class NonStrings
    {
        [Fact]
        public void Numbers_booleans_and_null_are_plain()
        {
            Assert.Equal("15020", Inline(YScalar.Int(15020)));
            Assert.Equal("true", Inline(YScalar.Bool(true)));
            Assert.Equal("null", Inline(YScalar.Null()));
            Assert.Equal("1.5", Inline(new YScalar("1.5")));
        }

        [Fact]
        public void A_tagged_non_string_that_is_not_spelled_like_its_kind_keeps_its_tag()
        {
            Assert.Equal("3", Inline(new YScalar("3", ScalarStyle.DoubleQuoted, "!!int")));
            Assert.Equal("!!float \"1\"", Inline(new YScalar("1", ScalarStyle.DoubleQuoted, "!!float")));
        }
    }

    public class Strings
    {
        [Theory]
        [InlineData("15020")]
        [InlineData("true")]
        [InlineData("yes")]
        [InlineData("on")]
        [InlineData("Y")]
        [InlineData("")]
        [InlineData("null")]
        [InlineData("~")]
        [InlineData("1e3")]
        [InlineData("0x1F")]
        [InlineData("0o17")]
        [InlineData("1.0")]
        [InlineData(".inf")]
        [InlineData("2024-01-02")]
        [InlineData("1:30")]
        public void A_string_that_would_read_as_another_type_is_double_quoted(string value)
        {
            Assert.Equal("\"" + value + "\"", Inline(YScalar.String(value)));
        }

        [Theory]
        [InlineData("*ref")]
        [InlineData("&anchor")]
        [InlineData("!tag")]
        [InlineData("{a}")]
        [InlineData("[a]")]
        [InlineData("|x")]
        [InlineData(">x")]
        [InlineData("'x")]
        [InlineData("%x")]
        [InlineData("@x")]
        [InlineData("`x")]
        [InlineData("#x")]
        [InlineData(",x")]
        [InlineData("- x")]
        [InlineData("-")]
        [InlineData("? x")]
        [InlineData(":x")]
        [InlineData("a: b")]
        [InlineData("a #b")]
        [InlineData("ends with colon:")]
        [InlineData(" leading")]
        [InlineData("trailing ")]
        [InlineData("---")]
        [InlineData("<<")]
        public void A_string_that_cannot_be_plain_is_single_quoted_like_go_yaml_does(string value)
        {
            Assert.Equal("'" + value.Replace("'", "''") + "'", Inline(YScalar.String(value)));
        }

        [Theory]
        [InlineData("istio-proxy")]
        [InlineData("docker.io/istio/proxyv2:1.24.0")]
        [InlineData("--log_output_level=default:info")]
        [InlineData("-c")]
        [InlineData("a#b")]
        [InlineData("http://localhost:15020/healthz")]
        [InlineData("two words")]
        [InlineData("Ünïcödé 😀")]
        [InlineData("sidecar.istio.io/status")]
        public void An_ordinary_string_is_plain(string value)
        {
            Assert.Equal(value, Inline(YScalar.String(value)));
        }

        [Fact]
        public void Control_characters_are_escaped_in_double_quotes()
        {
            Assert.Equal("\"\\t leading tab\"", Inline(YScalar.String("\t leading tab")));
            Assert.Equal("\"tab\\there\"", Inline(YScalar.String("tab\there")));
            Assert.Equal("\"bell\\x07 bom\\uFEFF nel\\x85 quote\\\" back\\\\slash\"", Inline(YScalar.String("bell\u0007 bom\uFEFF nel\u0085 quote\" back\\slash")));
        }

        [Fact]
        public void A_single_quoted_created_scalar_stays_single_quoted_when_no_escape_is_needed()
        {
            Assert.Equal("'it''s'", Inline(new YScalar("it's", ScalarStyle.SingleQuoted)));
            Assert.Equal("\"a\\tb\"", Inline(new YScalar("a\tb", ScalarStyle.SingleQuoted)));
        }

        [Fact]
        public void Keys_follow_the_same_policy()
        {
            Assert.Equal("app", ScalarFormatter.Key("app"));
            Assert.Equal("\"on\"", ScalarFormatter.Key("on"));
            Assert.Equal("'a: b'", ScalarFormatter.Key("a: b"));
            Assert.Equal("sidecar.istio.io/inject", ScalarFormatter.Key("sidecar.istio.io/inject"));
        }
    }

    public class MultiLine
    {
        [Theory]
        [InlineData("a\nb", "|-\n  a\n  b\n")]
        [InlineData("a\nb\n", "|\n  a\n  b\n")]
        [InlineData("a\n\n", "|+\n  a\n\n")]
        [InlineData("a\n\nb\n", "|\n  a\n\n  b\n")]
        [InlineData("  indented\nx\n", "|2\n    indented\n  x\n")]
        [InlineData("\nafter an empty line", "|2-\n\n  after an empty line\n")]
        public void A_multi_line_string_is_a_literal_block_chomped_by_its_trailing_line_breaks(string value, string expected)
        {
            Assert.Equal(expected, Inline(YScalar.String(value)));
        }

        [Theory]
        [InlineData("trailing \nblank")]
        [InlineData("\n\n")]
        [InlineData("carriage\r\nreturn")]
        public void A_multi_line_string_a_literal_block_cannot_hold_is_double_quoted(string value)
        {
            Assert.StartsWith("\"", Inline(YScalar.String(value)));
        }

        [Fact]
        public void Block_content_uses_the_given_column_and_line_break()
        {
            Assert.Equal("|\r\n      x\r\n", ScalarFormatter.Value(YScalar.String("x\n"), 4, 6, "\r\n"));
        }
    }

    public class RoundTrip
    {
        public static TheoryData<string> Values() =>
        [
            "plain", "15020", "true", "", "null", "a: b", " spaced ", "multi\nline\n", "keep\n\n\n", "strip\nno end",
            "  lead\nx", "\nlead empty", "trail \nx", "tab\tinside", "quote\"and'apostrophe", "back\\slash", "#hash",
            "- dash", "{json: true}", "emoji 😀", "bell\u0007", "2024-01-02T10:00:00Z", "0755", "~", "=", "<<",
        ];

        [Theory]
        [MemberData(nameof(Values))]
        public void A_created_string_reads_back_as_the_same_string_in_every_position(string value)
        {
            // As a mapping value, a sequence item, a nested value, a key and an item-mapping value.
            var root = NewMap(
                ("value", value),
                ("list", new YSequence([YScalar.String(value)])),
                ("nested", NewMap(("deeper", NewMap(("v", value))))),
                ("items", new YSequence([NewMap(("first", value), ("second", value))])));
            if (value.Length > 0 && !value.Contains('\n')) root.Set(value, YScalar.String("as key"));
            var docs = Read("placeholder: 1\n");
            docs[0].Root = root;
            string output = Write(docs);
            AssertStable(output, docs);
            var reread = (YMapping)Read(output)[0].Root!;
            Assert.Equal(ScalarKind.String, ((YScalar)reread["value"]!).Kind);
            Assert.Equal(value, ((YScalar)reread["value"]!).Value);
        }
    }
}
