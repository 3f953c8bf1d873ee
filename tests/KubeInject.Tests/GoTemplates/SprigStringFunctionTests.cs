using KubeInject.GoTemplates;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// sprig's case changers, abbreviations, initials and wrapping (goutils and xstrings underneath). Expected values are
/// sprig's test tables (strings_test.go TestGoutils), its documentation (docs/strings.md) and xstrings' own tests
/// (convert_test.go TestToSnakeCaseAndToKebabCase, TestToCamelCase: sprig v3.3.0's camelcase is xstrings'
/// ToPascalCase, which keeps what those tests expect of ToCamelCase).
/// </summary>
public sealed class SprigStringFunctionTests
{
    private static string Render(string template) => GoTemplate.Compile("f", template).Render(null);

    // sprig strings_test.go TestGoutils and docs/strings.md.
    [Theory]
    [InlineData("{{abbrev 5 \"hello world\"}}", "he...")]
    [InlineData("{{abbrevboth 5 10 \"1234 5678 9123\"}}", "...5678...")]
    [InlineData("{{nospace \"h e l l o \"}}", "hello")]
    [InlineData("{{nospace \"hello w o r l d\"}}", "helloworld")]
    [InlineData("{{untitle \"First Try\"}}", "first try")]
    [InlineData("{{untitle \"Hello World\"}}", "hello world")]
    [InlineData("{{initials \"First Try\"}}", "FT")]
    [InlineData("{{wrap 5 \"Hello World\"}}", "Hello\nWorld")]
    [InlineData("{{wrapWith 5 \"\\t\" \"Hello World\"}}", "Hello\tWorld")]
    [InlineData("{{snakecase \"FirstName\"}}", "first_name")]
    [InlineData("{{camelcase \"http_server\"}}", "HttpServer")]
    public void Sprig_tests_and_documentation(string template, string expected) => Assert.Equal(expected, Render(template));

    // goutils' Initials and DeleteWhiteSpace walk bytes and write each as the code point of that number: non-ASCII
    // text comes out mangled as sprig mangles it (0xA0, the second byte of "à", even counts as white space).
    [Theory]
    [InlineData("{{ initials \"Élan Vital\" }}", "\u00C3V")]
    [InlineData("{{ nospace \"a b é\" }}", "ab\u00C3\u00A9")]
    [InlineData("{{ nospace \"à \" }}", "\u00C3")]
    [InlineData("{{ nospace \"é\" }}", "é")]
    public void Goutils_bytes_are_code_points(string template, string expected) => Assert.Equal(expected, Render(template));

    // goutils' limits (stringutils.go AbbreviateFull; sprig's abbrev/abbrevboth return the text for widths goutils refuses).
    [Theory]
    [InlineData("{{abbrev 3 \"hello world\"}}", "hello world")]
    [InlineData("{{abbrev 20 \"hello world\"}}", "hello world")]
    [InlineData("{{abbrevboth 0 6 \"abcdefghij\"}}", "abc...")]
    [InlineData("{{abbrevboth 5 6 \"abcdefghijklmno\"}}", "abcdefghijklmno")]
    [InlineData("{{abbrevboth 10 10 \"abcdefghijklmno\"}}", "...ijklmno")]
    public void Abbreviations_follow_goutils(string template, string expected) => Assert.Equal(expected, Render(template));

    // xstrings convert_test.go TestToSnakeCaseAndToKebabCase (v1.3.1 and later, the word splitter sprig's xstrings
    // has; kebab-case is the same table with '-'). Its U+FFFD rows test invalid UTF-8, which a .NET string cannot hold.
    [Theory]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("_camelCase", "_camel_case")]
    [InlineData("NoHTTPS", "no_https")]
    [InlineData("Wi_thF", "wi_th_f")]
    [InlineData("_AnotherTES_TCaseP", "_another_tes_t_case_p")]
    [InlineData("ALL", "all")]
    [InlineData("_HELLO_WORLD_", "_hello_world_")]
    [InlineData("HELLO_WORLD", "hello_world")]
    [InlineData("HELLO____WORLD", "hello____world")]
    [InlineData("TW", "tw")]
    [InlineData("_C", "_c")]
    [InlineData("http2xx", "http_2xx")]
    [InlineData("HTTP2XX", "http2_xx")]
    [InlineData("HTTP20xOK", "http_20x_ok")]
    [InlineData("HTTP20xStatus", "http_20x_status")]
    [InlineData("HTTP-20xStatus", "http_20x_status")]
    [InlineData("a", "a")]
    [InlineData("Duration2m3s", "duration_2m3s")]
    [InlineData("Bld4Floor3rd", "bld4_floor_3rd")]
    [InlineData(" _-_ ", "_____")]
    [InlineData("a1b2c3d", "a_1b2c3d")]
    [InlineData("A//B%%2c", "a//b%%2c")]
    [InlineData("HTTP状态码404/502Error", "http_状态码404/502_error")]
    [InlineData("中文(字符)", "中文(字符)")]
    [InlineData("混合ABCWords与123数字456", "混合_abc_words_与123_数字456")]
    [InlineData("  sentence case  ", "__sentence_case__")]
    [InlineData(" Mixed-hyphen case _and SENTENCE_case and UPPER-case", "_mixed_hyphen_case__and_sentence_case_and_upper_case")]
    [InlineData("FROM CamelCase to snake/kebab-case", "from_camel_case_to_snake/kebab_case")]
    [InlineData("", "")]
    [InlineData("abc_123_def", "abc_123_def")]
    public void Snake_and_kebab_case_follow_xstrings(string input, string snake)
    {
        Assert.Equal(snake, Render($"{{{{ snakecase \"{input}\" }}}}"));
        Assert.Equal(snake.Replace('_', '-'), Render($"{{{{ kebabcase \"{input}\" }}}}"));
    }

    // xstrings' doc comment of ToSnakeCase.
    [Theory]
    [InlineData("GO PATH", "go_path")]
    [InlineData("GO-PATH", "go_path")]
    [InlineData("FirstName", "first_name")]
    public void Doc_comment_examples(string input, string snake) => Assert.Equal(snake, Render($"{{{{ snakecase \"{input}\" }}}}"));

    // xstrings convert_test.go TestToCamelCase of v1.3/1.4 (ToPascalCase since v1.5.0, what sprig v3.3.0 calls).
    [Theory]
    [InlineData("http_server", "HttpServer")]
    [InlineData("_camel_case", "_CamelCase")]
    [InlineData("no_https", "NoHttps")]
    [InlineData("_complex__case_", "_Complex_Case_")]
    [InlineData("all", "All")]
    [InlineData("GOLANG_IS_GREAT", "GolangIsGreat")]
    [InlineData("GOLANG", "Golang")]
    [InlineData("a", "A")]
    [InlineData("好", "好")]
    [InlineData("some words", "SomeWords")]
    [InlineData(" complex -case ", " Complex Case ")]
    [InlineData("OneTwoThree", "OneTwoThree")] // xstrings issue #54, the v1.5 change: a capital starts a word
    [InlineData("", "")]
    public void Camel_case_follows_xstrings(string input, string expected) => Assert.Equal(expected, Render($"{{{{ camelcase \"{input}\" }}}}"));

    // goutils wordutils.go SwapCase's documented algorithm; sprig's docs/strings.md example.
    [Theory]
    [InlineData("This Is A.Test", "tHIS iS a.tEST")]
    [InlineData("swapCase", "SWAPcASE")]
    [InlineData("Θ~λa云Ξπ", "θ~ΛA云ξΠ")]
    public void Swapcase_swaps_every_letter(string input, string expected) => Assert.Equal(expected, Render($"{{{{ swapcase \"{input}\" }}}}"));

    // goutils WrapCustom: words are not broken by wrap, but are by wrapWith (sprig passes wrapLongWords = true);
    // leading spaces of a new line are dropped.
    [Theory]
    [InlineData("{{ wrap 10 \"The quick brown fox jumps\" }}", "The quick\nbrown fox\njumps")]
    [InlineData("{{ wrap 4 \"https://example.com/x y\" }}", "https://example.com/x\ny")]
    [InlineData("{{ wrapWith 4 \"|\" \"abcdefghij\" }}", "abcd|efgh|ij")]
    [InlineData("{{ wrap 3 \"a  b\" }}", "a \nb")]
    [InlineData("{{ wrap 0 \"ab\" }}", "ab")]
    public void Wrap_follows_goutils(string template, string expected) => Assert.Equal(expected, Render(template));
}
