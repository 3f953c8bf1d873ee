using KubeInject.GoTemplates;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// sprig's encodings, hashes, derivePassword, URLs, deepEqual, toDecimal, the os* paths and mustSlice. Expected
/// values come from sprig's tests (strings_test.go TestBase32EncodeDecode, crypto_test.go TestDerivePassword,
/// url_test.go urlTests, TestUrlParse, TestUrlJoin), its documentation (docs/crypto.md decryptAES,
/// docs/conversion.md toDecimal, docs/lists.md slice), Go's path package documentation and encoding/base32 source
/// (error offsets), and for hashes and base32 Python's hashlib and base64 (independent implementations).
/// </summary>
public sealed class SprigEncodingFunctionTests
{
    private static string Render(string template) => GoTemplate.Compile("f", template).Render(null);

    [Theory]
    [InlineData("{{b32enc \"coffee\"}}", "MNXWMZTFMU======")]           // Python base64.b32encode(b"coffee")
    [InlineData("{{b32dec \"MNXWMZTFMU======\"}}", "coffee")]
    [InlineData("{{b32enc \"\"}}|{{b32enc \"f\"}}|{{b32enc \"fooba\"}}", "|MY======|MZXW6YTB")] // RFC 4648 §10
    [InlineData("{{b32dec \"MZXW6===\"}}|{{b32dec \"MZXW6YQ=\"}}", "foo|foob")]                // RFC 4648 §10
    [InlineData("{{b32dec \"MZXW6\"}}|{{b32dec \"MZ=XW6==\"}}|{{b32dec \"m\"}}", "illegal base32 data at input byte 0|illegal base32 data at input byte 2|illegal base32 data at input byte 0")] // Go's CorruptInputError offsets
    // Go's encoding/base64 decodeQuantum: where each error is reported (sprig's b64dec returns the error text).
    [InlineData("{{b64dec \"Y29mZmVl\"}}|{{b64dec \"Y29m\\nZmVl\"}}|{{b64dec \"YQ==\"}}", "coffee|coffee|a")]
    [InlineData("{{b64dec \"Y29m ZmVl\"}}", "illegal base64 data at input byte 4")]
    [InlineData("{{b64dec \"YQ\"}}|{{b64dec \"YQ=\"}}|{{b64dec \"Y===\"}}|{{b64dec \"YQ==YQ==\"}}", "illegal base64 data at input byte 0|illegal base64 data at input byte 3|illegal base64 data at input byte 1|illegal base64 data at input byte 4")]
    [InlineData("{{ sha512sum \"abc\" }}", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")]
    [InlineData("{{ \"30tEfhuJSVRhpG97XCuWgz2okj7L8vQ1s6V9zVUPeDQ=\" | decryptAES \"secretkey\" }}", "plaintext")] // docs/crypto.md
    [InlineData("{{ decryptAES \"secretkey\" \"\" }}", "")]
    public void Encodings_and_hashes(string template, string expected) => Assert.Equal(expected, Render(template));

    // sprig crypto_test.go TestDerivePassword.
    [Theory]
    [InlineData("{{derivePassword 1 \"long\" \"password\" \"user\" \"example.com\"}}", "ZedaFaxcZaso9*")]
    [InlineData("{{derivePassword 2 \"long\" \"password\" \"user\" \"example.com\"}}", "Fovi2@JifpTupx")]
    [InlineData("{{derivePassword 1 \"maximum\" \"password\" \"user\" \"example.com\"}}", "pf4zS1LjCg&LjhsZ7T2~")]
    [InlineData("{{derivePassword 1 \"medium\" \"password\" \"user\" \"example.com\"}}", "ZedJuz8$")]
    [InlineData("{{derivePassword 1 \"basic\" \"password\" \"user\" \"example.com\"}}", "pIS54PLs")]
    [InlineData("{{derivePassword 1 \"short\" \"password\" \"user\" \"example.com\"}}", "Zed5")]
    [InlineData("{{derivePassword 1 \"pin\" \"password\" \"user\" \"example.com\"}}", "6685")]
    [InlineData("{{derivePassword 1 \"nope\" \"password\" \"user\" \"example.com\"}}", "cannot find password template nope")]
    public void Derive_password_follows_sprigs_tests(string template, string expected) => Assert.Equal(expected, Render(template));

    [Fact]
    public void Decrypt_aes_refuses_what_is_not_a_whole_cbc_text() =>
        Assert.Contains("error calling decryptAES: crypto/cipher: input not full blocks",
            Assert.Throws<Diagnostics.KubeInjectException>(() => Render("{{ decryptAES \"k\" \"AAAA\" }}")).Message);

    // sprig url_test.go urlTests: each URL's parts, and urlJoin of them gives the URL back.
    [Theory]
    [InlineData("proto://auth@host:80/path?query#fragment", "proto|host:80|host|/path|query||fragment|auth")]
    [InlineData("proto://host:80/path", "proto|host:80|host|/path||||")]
    [InlineData("something", "|||something||||")]
    [InlineData("proto://user:passwor%20d@host:80/path", "proto|host:80|host|/path||||user:passwor%20d")]
    [InlineData("proto://host:80/pa%20th?key=val%20ue", "proto|host:80|host|/pa th|key=val%20ue|||")]
    [InlineData("http://admin:secret@server.com:8080/api?list=false#anchor", "http|server.com:8080|server.com|/api|list=false||anchor|admin:secret")] // docs/url.md
    public void Url_parse_and_join_follow_sprigs_table(string url, string parts)
    {
        Assert.Equal(parts, Render($"{{{{ $u := urlParse \"{url}\" }}}}{{{{ $u.scheme }}}}|{{{{ $u.host }}}}|{{{{ $u.hostname }}}}|{{{{ $u.path }}}}|{{{{ $u.query }}}}|{{{{ $u.opaque }}}}|{{{{ $u.fragment }}}}|{{{{ $u.userinfo }}}}"));
        Assert.Equal(url, Render($"{{{{ urlJoin (urlParse \"{url}\") }}}}"));
    }

    // sprig url_test.go TestUrlParse, TestUrlJoin.
    [Theory]
    [InlineData("{{ index ( urlParse \"proto://auth@host:80/path?query#fragment\" ) \"host\" }}", "host:80")]
    [InlineData("{{ urlJoin (dict \"fragment\" \"fragment\" \"host\" \"host:80\" \"path\" \"/path\" \"query\" \"query\" \"scheme\" \"proto\") }}", "proto://host:80/path?query#fragment")]
    [InlineData("{{ urlJoin (dict \"fragment\" \"fragment\" \"host\" \"host:80\" \"path\" \"/path\" \"scheme\" \"proto\" \"userinfo\" \"ASDJKJSD\") }}", "proto://ASDJKJSD@host:80/path#fragment")]
    public void Url_functions_follow_sprigs_tests(string template, string expected) => Assert.Equal(expected, Render(template));

    // Go's net/url: what url.Parse refuses ends the render (sprig panics with "unable to parse url").
    [Theory]
    [InlineData("{{ urlParse \":x\" }}", "unable to parse url: parse \":x\": missing protocol scheme")]
    [InlineData("{{ urlParse \"http://h:port\" }}", "invalid port \":port\" after host")]
    [InlineData("{{ urlParse \"a:b/c%zz\" }}", "")]
    [InlineData("{{ urlJoin (dict \"host\" 1) }}", "unable to parse host key, must be of type string, but int found")]
    public void Url_errors_end_the_render(string template, string message)
    {
        // An opaque URL is not unescaped, so "a:b/c%zz" parses (Go keeps it as Opaque).
        if (message.Length == 0) Assert.Equal("map[fragment: host: hostname: opaque:b/c%zz path: query: scheme:a userinfo:]", Render(template));
        else Assert.Contains(message, Assert.Throws<Diagnostics.KubeInjectException>(() => Render(template)).Message);
    }

    // reflect.DeepEqual: same types and contents; an int is never a float64.
    [Theory]
    [InlineData("{{ deepEqual (list 1 2 3) (list 1 2 3) }}", "true")]
    [InlineData("{{ deepEqual (list 1 2 3) (list 1 2) }}", "false")]
    [InlineData("{{ deepEqual (dict \"a\" (list 1)) (dict \"a\" (list 1)) }}", "true")]
    [InlineData("{{ deepEqual (dict \"a\" 1) (dict \"a\" \"1\") }}", "false")]
    [InlineData("{{ deepEqual 1 1.0 }} {{ deepEqual \"a\" \"a\" }} {{ deepEqual nil nil }}", "false true true")]
    public void Deep_equal_follows_reflect(string template, string expected) => Assert.Equal(expected, Render(template));

    // docs/conversion.md: toDecimal reads a Unix permission in octal; strconv.ParseInt(…, 8, 64) errors give 0.
    [Theory]
    [InlineData("{{ toDecimal \"0777\" }}", "511")]
    [InlineData("{{ toDecimal 755 }} {{ toDecimal \"-10\" }}", "493 -8")]
    [InlineData("{{ toDecimal \"8\" }} {{ toDecimal \"\" }} {{ toDecimal \"1777777777777777777777\" }}", "0 0 0")]
    public void To_decimal_reads_octal(string template, string expected) => Assert.Equal(expected, Render(template));

    // Go's path/filepath on Linux is path: the doc examples of Base, Clean, Dir, Ext, IsAbs.
    [Fact]
    public void Os_paths_are_linux_filepath() =>
        Assert.Equal("baz /foo/bar foo/baz .js true false",
            Render("{{ osBase \"/foo/bar/baz\" }} {{ osDir \"/foo/bar/baz\" }} {{ osClean \"foo/bar/../baz\" }} {{ osExt \"/a/b/c/bar.js\" }} {{ osIsAbs \"/dev/null\" }} {{ osIsAbs \"a/b\" }}"));

    // docs/lists.md slice (sprig's, here as mustSlice: see README), on a list of 1 … 5.
    [Theory]
    [InlineData("{{ mustSlice (list 1 2 3 4 5) }}", "[1 2 3 4 5]")]
    [InlineData("{{ mustSlice (list 1 2 3 4 5) 3 }}", "[4 5]")]
    [InlineData("{{ mustSlice (list 1 2 3 4 5) 1 3 }}", "[2 3]")]
    [InlineData("{{ mustSlice (list 1 2 3 4 5) 0 3 }}", "[1 2 3]")]
    public void Must_slice_follows_sprigs_documentation(string template, string expected) => Assert.Equal(expected, Render(template));

    [Fact]
    public void Must_slice_refuses_a_string() =>
        Assert.Contains("error calling mustSlice: list should be type of slice or array but string",
            Assert.Throws<Diagnostics.KubeInjectException>(() => Render("{{ mustSlice \"abc\" 1 }}")).Message);
}
