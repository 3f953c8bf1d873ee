using KubeInject.Diagnostics;
using KubeInject.Rendering;

namespace KubeInject.Tests.Rendering;

/// <summary>Template hosting: caching, error reporting, and the embedded and directory sources.</summary>
public class TemplateRendererTests
{
    [Fact]
    public void A_template_is_parsed_once_per_source_and_name()
    {
        var source = new InlineTemplates(new() { ["t"] = "{{ revision | default \"default\" }}" });
        var renderer = new TemplateRenderer();
        Assert.Equal("default", renderer.Render(source, "istio-1.23", "t", RenderFixture.Data()));
        Assert.Equal("default", renderer.Render(source, "istio-1.23", "t", RenderFixture.Data()));
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public void Unknown_templates_are_reported_with_the_available_names()
    {
        var source = new InlineTemplates(new() { ["b"] = "", ["a"] = "" });
        var e = Assert.Throws<KubeInjectException>(() => new TemplateRenderer().Render(source, "istio-1.23", "nope", RenderFixture.Data()));
        Assert.Equal("requested template \"nope\" not found; have a, b", e.Message);
    }

    [Fact]
    public void Parse_errors_name_the_template_file_line_and_column()
    {
        var e = Assert.Throws<KubeInjectException>(() => InlineTemplates.Render("ok\n  {{ if }}"));
        Assert.Equal("templates/istio-1.23/t.scriban", e.Location!.File);
        Assert.Equal(2, e.Location.Line);
        Assert.True(e.Location.Column > 0);
        Assert.Contains("does not parse", e.Message);
    }

    [Fact]
    public void Runtime_errors_name_the_template_location()
    {
        var e = Assert.Throws<KubeInjectException>(() => InlineTemplates.Render("a\nb {{ no_such_variable }}"));
        Assert.Equal(2, e.Location!.Line);
        Assert.Equal(6, e.Location.Column);
        Assert.Contains("no_such_variable", e.Message);
    }

    [Fact]
    public void Long_output_is_not_truncated()
    {
        var data = RenderFixture.Data(values: RenderFixture.WithValue("global.big", "\"" + new string('x', 2_000_000) + "\""));
        Assert.Equal(2_000_000, InlineTemplates.Render("{{ values.global.big }}", data).Length);
    }

    [Fact]
    public void Templates_can_include_templates_of_the_same_source()
    {
        var source = new InlineTemplates(new() { ["main"] = "[{{ include \"part\" }}]", ["part"] = "{{ deployment_meta.name }}" });
        var renderer = new TemplateRenderer();
        Assert.Equal("[hello]", renderer.Render(source, "istio-1.23", "main", RenderFixture.Data()));
        Assert.True(renderer.BuiltScribanBuiltins);
    }

    [Fact]
    public void Templates_can_use_Scriban_builtins_which_are_built_on_first_use()
    {
        var source = new InlineTemplates(new() { ["t"] = "{{ deployment_meta.name | string.upcase }} {{ [3, 1, 2] | array.sort | array.join \",\" }}" });
        var renderer = new TemplateRenderer();
        Assert.False(renderer.BuiltScribanBuiltins);
        Assert.Equal("HELLO 1,2,3", renderer.Render(source, "istio-1.23", "t", RenderFixture.Data()));
        Assert.True(renderer.BuiltScribanBuiltins);
    }

    [Fact]
    public void The_stock_templates_of_every_version_render_without_Scriban_builtins()
    {
        var source = new EmbeddedTemplateSource();
        var renderer = new TemplateRenderer();
        int rendered = 0;
        foreach (var version in KubeInject.Settings.IstioVersions.All)
            foreach (var name in source.Names(version.TemplateFolder))
            {
                renderer.Render(source, version.TemplateFolder, name, RenderFixture.Data());
                rendered++;
            }
        Assert.Equal(12, rendered);
        Assert.False(renderer.BuiltScribanBuiltins);
    }

    [Fact]
    public void The_embedded_source_ships_the_four_stock_templates()
    {
        var source = new EmbeddedTemplateSource();
        Assert.Equal(["gateway", "grpc-agent", "grpc-simple", "sidecar"], source.Names("istio-1.23"));
        Assert.Contains("istio-proxy", source.Load("istio-1.23", "sidecar"));
        Assert.Null(source.Load("istio-1.23", "missing"));
        Assert.Empty(source.Names("istio-0.1"));
    }

    [Fact]
    public void The_directory_source_prefers_the_root_then_the_version_folder_and_stays_inside_the_root()
    {
        var root = Directory.CreateTempSubdirectory("kubeinject-templates-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "istio-1.23"));
            File.WriteAllText(Path.Combine(root, "sidecar.scriban"), "root");
            File.WriteAllText(Path.Combine(root, "istio-1.23", "sidecar.scriban"), "versioned");
            File.WriteAllText(Path.Combine(root, "istio-1.23", "custom.scriban"), "custom");
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(root)!, "outside.scriban"), "outside");
            var source = new DirectoryTemplateSource(root);
            Assert.Equal("root", source.Load("istio-1.23", "sidecar"));
            Assert.Equal("custom", source.Load("istio-1.23", "custom"));
            Assert.Null(source.Load("istio-1.23", "../outside"));
            Assert.Null(source.Load("..", "outside"));
            Assert.Equal(["custom", "sidecar"], source.Names("istio-1.23"));
            Assert.Equal("custom", new TemplateRenderer().Render(source, "istio-1.23", "custom", RenderFixture.Data()));
            var e = Assert.Throws<KubeInjectException>(() => new TemplateRenderer().Render(source, "istio-1.23", "bad", RenderFixture.Data()));
            Assert.Contains("not found", e.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            File.Delete(Path.Combine(Path.GetDirectoryName(root)!, "outside.scriban"));
        }
    }

    [Fact]
    public void Directory_source_errors_name_the_file_path()
    {
        var root = Directory.CreateTempSubdirectory("kubeinject-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "broken.scriban"), "{{ end }}");
            var e = Assert.Throws<KubeInjectException>(() => new TemplateRenderer().Render(new DirectoryTemplateSource(root), "istio-1.23", "broken", RenderFixture.Data()));
            Assert.Equal(Path.Combine(root, "broken.scriban"), e.Location!.File);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
