using KubeInject.Diagnostics;
using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Settings;

/// <summary>User values are layered over the chosen version's chart values, as Helm layers <c>-f values.yaml</c>.</summary>
public sealed class ValuesLayeringTests
{
    private static string Sleep => File.ReadAllText(Path.Combine(Cli.CliSandbox.RepoRoot(), "samples", "sleep.yaml"));

    [Fact]
    public void A_partial_values_file_keeps_the_charts_hub()
    {
        var injector = new Injector(new InjectionOptions { ValuesText = "{\"global\":{\"tag\":\"1.23.0\"}}" });
        var result = injector.Inject(Sleep, "sleep.yaml");
        Assert.Equal("docker.io/istio/proxyv2:1.23.0", Assert.Single(result.Workloads).ProxyImage);
        Assert.DoesNotContain("image: /proxyv2", result.Output);
    }

    [Fact]
    public void Mappings_merge_scalars_and_lists_replace_and_null_removes()
    {
        var chart = ValuesLoader.Load("global:\n  hub: h\n  tag: t\n  list: [1, 2]\n  proxy: {a: 1, b: 2}\nother: x\n", "chart");
        var user = ValuesLoader.Load("global:\n  tag: u\n  list: [3]\n  proxy: {b: 3}\nother: null\n", "user");
        var layered = ValuesLayering.Over(chart, user);
        Assert.Equal("{global: {hub: h, tag: u, list: [3], proxy: {a: 1, b: 3}}}", layered.ToString());
        Assert.Equal("h", ((YScalar)((YMapping)chart["global"]!)["hub"]!).Value);
        Assert.Equal("t", ((YScalar)((YMapping)chart["global"]!)["tag"]!).Value);
        Assert.NotNull(chart["other"]);
    }

    [Theory]
    [InlineData("{\"global\":{\"hub\":\"\"}}", "global.hub")]
    [InlineData("{\"global\":{\"hub\":null}}", "global.hub")]
    [InlineData("{\"global\":{\"tag\":\"\"}}", "global.tag")]
    public void An_image_without_hub_or_tag_is_refused(string values, string missing)
    {
        var e = Assert.Throws<KubeInjectException>(() => new Injector(new InjectionOptions { ValuesText = values, ValuesName = "my-values.json" }));
        Assert.Equal(ErrorKind.BadInput, e.Kind);
        Assert.Contains(missing, e.Message);
        Assert.Equal("my-values.json", e.Location?.File);
    }
}
