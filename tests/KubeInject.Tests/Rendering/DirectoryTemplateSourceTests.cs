using KubeInject.Diagnostics;
using KubeInject.Rendering;
using KubeInject.Tests.Cli;
using KubeInject.Versions;

namespace KubeInject.Tests.Rendering;

/// <summary>
/// <c>--templates DIR</c> / <see cref="InjectionOptions.Templates"/>: Istio's Go templates, one <c>&lt;name&gt;.yaml</c> per
/// template, in place of the stock or the cluster's template of that name; a retired Scriban port is a clear error.
/// </summary>
public sealed class DirectoryTemplateSourceTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static string StockSidecar => IstioVersions.Bundled.Default.ReadFile("injection-template.yaml")!;

    // The stock sidecar template with one more pod annotation, as a user's modified copy of templates.sidecar would be.
    private static string MarkedSidecar => StockSidecar.Replace("  annotations: {\n", "  annotations: {\n    from-templates-dir: \"yes\",\n", StringComparison.Ordinal);

    [Fact]
    public void The_directory_source_prefers_the_root_then_the_version_folder_and_stays_inside_the_root()
    {
        sandbox.Write("t/sidecar.yaml", "root");
        sandbox.Write("t/istio-1.23/sidecar.yaml", "versioned");
        sandbox.Write("t/istio-1.23/custom.yaml", "custom");
        sandbox.Write("outside.yaml", "outside");
        var source = new DirectoryTemplateSource(sandbox.PathOf("t"));
        Assert.Equal("root", source.Load("istio-1.23", "sidecar"));
        Assert.Equal("custom", source.Load("istio-1.23", "custom"));
        Assert.Null(source.Load("istio-1.23", "../outside"));
        Assert.Null(source.Load("..", "outside"));
        Assert.Equal(["custom", "sidecar"], source.Names("istio-1.23"));
        Assert.Equal(["sidecar"], source.Names("istio-1.30"));
    }

    [Fact]
    public void A_scriban_file_says_the_ports_are_retired_and_how_to_use_go_templates()
    {
        sandbox.Write("t/sidecar.scriban", "{{ values.global.hub }}");
        var e = Assert.Throws<KubeInjectException>(() => new DirectoryTemplateSource(sandbox.PathOf("t")).Names("istio-1.30"));
        Assert.Equal(sandbox.PathOf("t/sidecar.scriban"), e.Location!.File);
        Assert.StartsWith("Scriban template ports are retired: --templates now takes Istio's Go templates", e.Message);
        Assert.Contains("sidecar.yaml", e.Message);
        Assert.Contains("kube-inject templates convert FILE", e.Message);
        Assert.Equal(ErrorKind.BadInput, e.Kind);
    }

    [Fact]
    public void A_template_of_the_directory_replaces_the_stock_one_of_that_name_only()
    {
        sandbox.Write("t/sidecar.yaml", MarkedSidecar);
        var injector = new Injector(new InjectionOptions { Templates = new DirectoryTemplateSource(sandbox.PathOf("t")) });
        var output = injector.Inject(Manifests.Deployment(), "app.yaml").Output;
        Assert.Contains("from-templates-dir:", output);
        // Without the directory the stock template renders the same pod minus that annotation.
        var stock = new Injector(new InjectionOptions()).Inject(Manifests.Deployment(), "app.yaml").Output;
        Assert.Equal(stock.Split('\n').Length + 1, output.Split('\n').Length);
    }

    [Fact]
    public void A_template_of_the_directory_also_replaces_the_cluster_s_template()
    {
        var config = System.Text.Json.JsonSerializer.Serialize(new { templates = new Dictionary<string, string> { ["sidecar"] = StockSidecar } });
        var options = new InjectionOptions
        {
            InjectorConfigText = config,
            Templates = new InlineTemplates(new() { ["sidecar"] = MarkedSidecar }),
        };
        Assert.Contains("from-templates-dir:", new Injector(options).Inject(Manifests.Deployment(), "app.yaml").Output);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_an_error_naming_its_file()
    {
        sandbox.Write("t/sidecar.yaml", "a: {{ end }}\n");
        var e = Assert.Throws<KubeInjectException>(() => new Injector(new InjectionOptions { Templates = new DirectoryTemplateSource(sandbox.PathOf("t")) }));
        Assert.StartsWith(sandbox.PathOf("t/sidecar.yaml") + ": ", e.Message);
        Assert.Equal(ErrorKind.BadInput, e.Kind);
    }

    [Fact]
    public void The_cli_renders_a_go_template_from_the_templates_directory()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        sandbox.Write("t/sidecar.yaml", MarkedSidecar);
        var r = CliSandbox.Run("-f", input, "--templates", sandbox.PathOf("t"));
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("from-templates-dir:", r.Stdout);
    }

    [Fact]
    public void The_cli_refuses_a_scriban_port_with_exit_65()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        sandbox.Write("t/sidecar.scriban", "{{ values.global.hub }}");
        var r = CliSandbox.Run("-f", input, "--templates", sandbox.PathOf("t"));
        Assert.Equal(65, r.Exit);
        Assert.Contains("Scriban template ports are retired", r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
