using KubeInject.Diagnostics;
using KubeInject.Versions;

namespace KubeInject.Tests.Versions;

/// <summary>profile.yaml is read strictly: every mistake is an error naming the file and line.</summary>
public class ProfileYamlTests
{
    private const string Valid = """
        version: 1.40.2
        behaviour:
          strictInjectValue: true
          addProbersToInjectedPods: false
          rewriteLifecycleHooks: true
          validateEnableCoreDump: false
          validateResourceAnnotations: true
          nativeSidecarAnnotation: false
          nativeSidecarsEnvIsMode: true
          multusNamespaceMatching: false
          zeroResourceFieldRefDivisor: true
        stockTemplateSha256:
          sidecar: 0b32f5525038f188c73d47f3c9e6d907f8f0e6499b21036c1879fa9cee2201be
        """;

    private static IstioVersionProfile Read(string text, string folder = "istio-1.40") =>
        ProfileYaml.Read(ExtraVersionFiles.Only(folder, new() { [ProfileYaml.FileName] = text }), folder);

    private static KubeInjectException Error(string text, string folder = "istio-1.40") =>
        Assert.Throws<KubeInjectException>(() => Read(text, folder));

    [Fact]
    public void A_valid_profile_gives_each_switch_its_value()
    {
        var p = Read(Valid);
        Assert.Equal("1.40.2", p.Version);
        Assert.Equal("istio-1.40", p.TemplateFolder);
        Assert.Equal(
            [true, false, true, false, true, false, true, false, true],
            [p.StrictInjectValue, p.AddProbersToInjectedPods, p.RewriteLifecycleHooks, p.ValidateEnableCoreDump, p.ValidateResourceAnnotations,
             p.NativeSidecarAnnotation, p.NativeSidecarsEnvIsMode, p.MultusNamespaceMatching, p.ZeroResourceFieldRefDivisor]);
        Assert.Equal("0b32f5525038f188c73d47f3c9e6d907f8f0e6499b21036c1879fa9cee2201be", p.StockTemplateSha256["sidecar"]);
    }

    [Fact]
    public void An_unknown_switch_names_the_file_line_and_the_known_switches()
    {
        var e = Error(Valid.Replace("  multusNamespaceMatching: false", "  multusNamespaceMatching: false\n  strictInjectValues: true"));
        Assert.Equal("templates/istio-1.40/profile.yaml", e.Location!.File);
        Assert.Equal(11, e.Location.Line);
        Assert.StartsWith("unknown behaviour switch \"strictInjectValues\"; known: strictInjectValue, ", e.Message);
        Assert.Equal(ErrorKind.BadInput, e.Kind);
    }

    [Fact]
    public void An_unknown_top_level_key_is_an_error()
    {
        var e = Error(Valid + "\nbehavior: {}\n");
        Assert.Equal(14, e.Location!.Line);
        Assert.StartsWith("unknown key \"behavior\"", e.Message);
    }

    [Theory]
    [InlineData("  rewriteLifecycleHooks: yes please", 5)]
    [InlineData("  rewriteLifecycleHooks: \"true\"", 5)]
    [InlineData("  rewriteLifecycleHooks: 1", 5)]
    [InlineData("  rewriteLifecycleHooks: [true]", 5)]
    public void A_switch_that_is_not_a_bool_is_an_error(string line, int lineNumber)
    {
        var e = Error(Valid.Replace("  rewriteLifecycleHooks: true", line));
        Assert.Equal("behaviour.rewriteLifecycleHooks must be true or false", e.Message);
        Assert.Equal(lineNumber, e.Location!.Line);
    }

    [Fact]
    public void A_missing_switch_is_an_error_naming_it()
    {
        var e = Error(Valid.Replace("  nativeSidecarsEnvIsMode: true\n", ""));
        Assert.Equal("behaviour lacks nativeSidecarsEnvIsMode: every switch is required", e.Message);
        Assert.Equal("templates/istio-1.40/profile.yaml", e.Location!.File);
    }

    [Theory]
    [InlineData("version: 1.40.2\n", "\"version\" is missing")]
    [InlineData("stockTemplateSha256:\n  sidecar: 0b32f5525038f188c73d47f3c9e6d907f8f0e6499b21036c1879fa9cee2201be", "\"stockTemplateSha256\" is missing")]
    public void A_missing_section_is_an_error(string removed, string message) =>
        Assert.Equal(message, Error(Valid.Replace(removed, "")).Message);

    [Theory]
    [InlineData("version: 1.40", "version must be a full Istio version such as 1.30.3")]
    [InlineData("version: latest", "version must be a full Istio version such as 1.30.3")]
    [InlineData("version: 1.41.0", "version 1.41.0 does not belong in folder istio-1.40 (expected istio-1.41)")]
    public void The_version_must_be_a_full_version_of_the_folder_s_minor_release(string line, string message)
    {
        var e = Error(Valid.Replace("version: 1.40.2", line));
        Assert.Equal(message, e.Message);
        Assert.Equal(1, e.Location!.Line);
    }

    [Theory]
    [InlineData("0B32F5525038F188C73D47F3C9E6D907F8F0E6499B21036C1879FA9CEE2201BE")]
    [InlineData("0b32f552")]
    [InlineData("{}")]
    public void A_hash_must_be_lower_case_sha256_hex(string hash)
    {
        var e = Error(Valid.Replace("0b32f5525038f188c73d47f3c9e6d907f8f0e6499b21036c1879fa9cee2201be", hash));
        Assert.Equal("stockTemplateSha256.sidecar must be 64 lower-case hex digits", e.Message);
        Assert.Equal(13, e.Location!.Line);
    }

    [Fact]
    public void A_missing_profile_is_a_missing_input()
    {
        var e = Assert.Throws<KubeInjectException>(() => ProfileYaml.Read(ExtraVersionFiles.Only("istio-1.40", []), "istio-1.40"));
        Assert.Equal(ErrorKind.MissingInput, e.Kind);
        Assert.Equal("templates/istio-1.40/profile.yaml", e.Location!.File);
    }

    [Fact]
    public void A_bad_profile_stops_the_version_list_from_loading()
    {
        var e = Assert.Throws<KubeInjectException>(() => new IstioVersions(ExtraVersionFiles.Only("istio-1.40", new() { [ProfileYaml.FileName] = "version: [1]\n" })));
        Assert.Contains("version must be a full Istio version", e.Message);
    }
}
