using KubeInject.Versions;
using KubeInject.Settings;

namespace KubeInject.Tests.Settings;

public class InjectorConfigFileTests
{
    [Fact]
    public void Templates_map_is_returned_in_file_order()
    {
        var t = InjectorConfigFile.ReadTemplates("policy: enabled\ntemplates:\n  sidecar: |\n    a: {{ .X }}\n  gateway: |\n    b: 1\n");
        Assert.Equal(["sidecar", "gateway"], t.Keys);
        Assert.Equal("a: {{ .X }}\n", t["sidecar"]);
    }

    [Theory]
    [InlineData("spec:\n  containers: []\n")]
    [InlineData("policy: enabled\ntemplates: {}\n")]
    [InlineData("template: |\n  old: style\n")]
    [InlineData("{{ if .Values }}x: 1{{ end }}\n")]
    [InlineData("policy: [not, a, string]\ntemplates:\n  sidecar: x\n")]
    [InlineData("")]
    public void Anything_without_templates_is_one_sidecar_template(string text)
    {
        var t = InjectorConfigFile.ReadTemplates(text);
        Assert.Equal(["sidecar"], t.Keys);
        Assert.Equal(text, t["sidecar"]);
    }

    [Fact]
    public void Stock_template_hash_recognises_only_identical_text()
    {
        var profile = IstioVersions.Bundled.Resolve("1.23.0");
        Assert.False(profile.IsStockTemplate("sidecar", "modified"));
        Assert.False(profile.IsStockTemplate("unknown", "x"));
        Assert.Equal(64, profile.StockTemplateSha256["sidecar"].Length);
        Assert.Equal(["sidecar", "gateway", "grpc-simple", "grpc-agent", "waypoint", "kube-gateway"], profile.StockTemplateSha256.Keys);
    }

    [Fact]
    public void Sha256_is_lower_case_hex_of_utf8()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", IstioVersionProfile.Sha256Hex("abc"));
    }
}
