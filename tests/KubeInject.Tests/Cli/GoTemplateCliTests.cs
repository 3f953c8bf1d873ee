using System.Text.Json;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Cli;

/// <summary>The cluster's own Go templates through the CLI: a custom template selected by annotation, its errors, and <c>templates convert</c>.</summary>
public sealed class GoTemplateCliTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private const string CustomTemplate = """
        spec:
          containers:
          {{- range .Spec.Containers }}
          - name: {{ .Name }}
            env:
            - name: GREETING
              value: {{ index $.ObjectMeta.Labels "app" | printf "hello %s" | quote }}
          {{- end }}
          volumes:
          - name: extra
            emptyDir: {}
        """;

    private string InjectorConfig(string custom)
    {
        var sidecar = File.ReadAllText(Path.Combine(RepoRoot(), "templates", "istio-1.29", "injection-template.yaml"));
        var json = JsonSerializer.Serialize(new { policy = "enabled", templates = new Dictionary<string, string> { ["sidecar"] = sidecar, ["custom"] = custom } });
        return sandbox.Write("injector-config.yaml", json);
    }

    [Fact]
    public void A_custom_template_selected_by_annotation_adds_its_env_var_and_volume()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment(podAnnotations: "        inject.istio.io/templates: sidecar,custom"));

        var r = Run("-f", input, "--injector-config", InjectorConfig(CustomTemplate), "--istio-version", "1.29.6");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("- name: GREETING", r.Stdout);
        Assert.Contains("value: hello web", r.Stdout);
        Assert.Contains("- name: extra", r.Stdout);
        Assert.Contains("- name: istio-proxy", r.Stdout);
        Assert.DoesNotContain("differs from", r.Stderr);
    }

    [Fact]
    public void A_custom_template_calling_an_unknown_function_is_bad_input_65_naming_template_line_and_function()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, "--injector-config", InjectorConfig("spec:\n  x: {{ frobnicate 1 }}\n"), "--istio-version", "1.29.6");

        Assert.Equal(65, r.Exit);
        Assert.Contains("template: custom:2: function \"frobnicate\" not defined", r.Stderr);
    }

    [Fact]
    public void Templates_convert_prints_the_scriban_translation()
    {
        var file = sandbox.Write("t.yaml", "a: {{ .Values.x | quote }}\n");

        var r = Run("templates", "convert", file);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("{{ # go_k0 = .Values.x }}", r.Stdout);
        Assert.Contains("gf_quote", r.Stdout);
    }

    [Fact]
    public void Templates_convert_of_a_broken_template_is_bad_input_65()
    {
        var file = sandbox.Write("t.yaml", "{{ if }}");

        var r = Run("templates", "convert", file);

        Assert.Equal(65, r.Exit);
        Assert.Contains("missing value for if", r.Stderr);
    }
}
