using KubeInject.Diagnostics;
using KubeInject.GoTemplates;
using KubeInject.Rendering;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// sprig's functions that read the environment or draw random values (sprig's nonhermeticFunctions, and the crypto
/// functions that make keys): expandenv reads the environment the caller passes; the random, key-making and DNS
/// functions end the render with a message saying why, when they are called, not when a template merely holds them.
/// </summary>
public sealed class SprigNonHermeticFunctionTests
{
    private static string Render(string template, IReadOnlyDictionary<string, string>? environment = null) =>
        GoTemplate.Compile("f", template).Render(null, new GoTemplateContext(GoTemplate.Builtins) { Environment = environment ?? new Dictionary<string, string>() });

    // Go's os/env_test.go TestExpand table with its testGetenv values; sprig's TestExpandEnv ("Hello $FOO").
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["*"] = "all the args", ["#"] = "NARGS", ["$"] = "PID", ["1"] = "ARGUMENT1", ["HOME"] = "/usr/gopher",
        ["H"] = "(Value of H)", ["home_1"] = "/usr/foo", ["_"] = "underscore", ["FOO"] = "bar",
    };

    [Theory]
    [InlineData("", "")]
    [InlineData("$*", "all the args")]
    [InlineData("$$", "PID")]
    [InlineData("${*}", "all the args")]
    [InlineData("$1", "ARGUMENT1")]
    [InlineData("${1}", "ARGUMENT1")]
    [InlineData("now is the time", "now is the time")]
    [InlineData("$HOME", "/usr/gopher")]
    [InlineData("$home_1", "/usr/foo")]
    [InlineData("${HOME}", "/usr/gopher")]
    [InlineData("${H}OME", "(Value of H)OME")]
    [InlineData("A$$$#$1$H$home_1*B", "APIDNARGSARGUMENT1(Value of H)/usr/foo*B")]
    [InlineData("start$+middle$^end$", "start$+middle$^end$")]
    [InlineData("mixed$|bag$$$", "mixed$|bagPID$")]
    [InlineData("$", "$")]
    [InlineData("$}", "$}")]
    [InlineData("${", "")]
    [InlineData("${}", "")]
    [InlineData("Hello $FOO", "Hello bar")]
    [InlineData("$UNSET|", "|")]
    public void Expandenv_reads_the_callers_environment(string input, string expected) =>
        Assert.Equal(expected, Render("{{ expandenv " + KubeInject.Go.Strconv.Quote(input) + " }}", Environment));

    [Fact]
    public void Expandenv_never_reads_the_process_environment()
    {
        Assert.False(string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("PATH")));
        Assert.Equal("[]", Render("[{{ expandenv \"$PATH\" }}]"));
    }

    [Theory]
    [InlineData("randAlphaNum 5", "randAlphaNum", "random values are not supported")]
    [InlineData("randAlpha 5", "randAlpha", "random values are not supported")]
    [InlineData("randAscii 5", "randAscii", "random values are not supported")]
    [InlineData("randNumeric 5", "randNumeric", "random values are not supported")]
    [InlineData("randBytes 5", "randBytes", "random values are not supported")]
    [InlineData("randInt 1 5", "randInt", "random values are not supported")]
    [InlineData("shuffle \"abc\"", "shuffle", "random values are not supported")]
    [InlineData("uuidv4", "uuidv4", "random values are not supported")]
    [InlineData("genPrivateKey \"rsa\"", "genPrivateKey", "not supported: it makes a new key")]
    [InlineData("genCA \"ca\" 365", "genCA", "not supported: it makes a new key")]
    [InlineData("genSelfSignedCert \"x\" nil nil 365", "genSelfSignedCert", "not supported: it makes a new key")]
    [InlineData("bcrypt \"pw\"", "bcrypt", "not supported: it makes a new key")]
    [InlineData("htpasswd \"u\" \"pw\"", "htpasswd", "not supported: it makes a new key")]
    [InlineData("encryptAES \"k\" \"text\"", "encryptAES", "not supported: it makes a new key")]
    [InlineData("getHostByName \"example.com\"", "getHostByName", "DNS lookups are not supported")]
    public void Random_key_making_and_network_functions_are_refused_when_called(string call, string name, string reason)
    {
        var e = Assert.Throws<KubeInjectException>(() => Render("line 1\n{{ " + call + " }}"));
        Assert.Contains($"template: f:2: executing \"f\": error calling {name}: {reason}", e.Message);
        Assert.Equal(ErrorKind.BadInput, e.Kind);
        // A template that holds the call where it never runs renders, as Go's does.
        Assert.Equal("ok", Render("{{ if false }}{{ " + call + " }}{{ end }}ok"));
    }
}
