using KubeInject.Versions;
using KubeInject.Settings;

namespace KubeInject.Tests;

/// <summary>Which Istio version an <see cref="Injector"/> uses, and the version knobs it wires into the stages.</summary>
public class InjectorVersionTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: hello
        spec:
          containers:
          - name: hello
            image: hello:1.0
        """;

    private static string ValuesWithTag(string tag) =>
        BundledSettings.ValuesText(IstioVersions.Bundled.Resolve("1.23")).Replace("\"tag\": \"1.23.0\"", $"\"tag\": \"{tag}\"");

    [Fact]
    public void Without_a_version_the_newest_bundled_is_used()
    {
        var injector = new Injector(new InjectionOptions());
        Assert.Equal(IstioVersions.Bundled.All[^1].Version, injector.IstioVersion);
        Assert.Empty(injector.Warnings);
        Assert.Equal($"docker.io/istio/proxyv2:{injector.IstioVersion}", injector.Inject(Pod, "pod.yaml").Workloads[0].ProxyImage);
    }

    [Theory]
    [MemberData(nameof(Versions.BundledVersions.All), MemberType = typeof(Versions.BundledVersions))]
    public void A_bundled_global_tag_in_the_values_picks_that_version_and_says_so(string tag)
    {
        var injector = new Injector(new InjectionOptions { ValuesText = ValuesWithTag(tag), ValuesName = "values.json" });
        Assert.Equal(tag, injector.IstioVersion);
        var warning = Assert.Single(injector.Warnings);
        Assert.Equal($"values.json: global.tag is {tag}, a bundled Istio version; using Istio {tag}'s templates (pass --istio-version to choose another)", warning);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("1.23")]
    [InlineData("1.23.0-distroless")]
    public void Any_other_global_tag_keeps_the_default_quietly(string tag)
    {
        var injector = new Injector(new InjectionOptions { ValuesText = ValuesWithTag(tag) });
        Assert.Equal(Injector.DefaultIstioVersion, injector.IstioVersion);
        Assert.Empty(injector.Warnings);
    }

    [Fact]
    public void An_explicit_version_beats_the_global_tag()
    {
        var injector = new Injector(new InjectionOptions { ValuesText = ValuesWithTag("1.22.4"), IstioVersion = "1.29" });
        Assert.Equal("1.29.6", injector.IstioVersion);
        Assert.Empty(injector.Warnings);
    }

    [Theory]
    [InlineData("1.23", "1", false)]     // Go parses a bool, but the 1.23 template compares the text with "true"
    [InlineData("1.23", "true", true)]
    [InlineData("1.29", "1", false)]     // a mode: only "true" turns it on offline
    [InlineData("1.29", "auto", false)]
    [InlineData("1.29", "true", true)]
    public void ENABLE_NATIVE_SIDECARS_is_read_as_the_version_reads_it(string version, string value, bool native)
    {
        var injector = new Injector(new InjectionOptions
        {
            IstioVersion = version,
            Environment = new Dictionary<string, string> { ["ENABLE_NATIVE_SIDECARS"] = value },
        });
        string output = injector.Inject(Pod, "pod.yaml").Output;
        Assert.Equal(native, output.Contains("restartPolicy: Always", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("true", NativeSidecarMode.Disabled, true)]
    [InlineData("yes", NativeSidecarMode.Disabled, true)]   // the 1.29 template: anything but "false" forces native mode
    [InlineData("false", NativeSidecarMode.Enabled, false)]
    public void The_1_29_nativeSidecar_annotation_overrides_the_mode(string annotation, NativeSidecarMode mode, bool native)
    {
        var pod = Pod.Replace("  name: hello\n", $"  name: hello\n  annotations:\n    sidecar.istio.io/nativeSidecar: \"{annotation}\"\n");
        var injector = new Injector(new InjectionOptions { IstioVersion = "1.29", NativeSidecars = mode });
        string output = injector.Inject(pod, "pod.yaml").Output;
        Assert.Equal(native, output.Contains("restartPolicy: Always", StringComparison.Ordinal));
    }
}
