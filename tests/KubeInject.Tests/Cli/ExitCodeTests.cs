using KubeInject.Versions;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Cli;

/// <summary>The exit-code table of the README, one row per test, with the message that goes with it.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static void AssertNoStackTrace(CliResult r) =>
        Assert.DoesNotContain(r.Stderr.Split('\n'), line => line.StartsWith("   at ", StringComparison.Ordinal));

    [Fact]
    public void A_valid_manifest_exits_with_0_and_prints_the_injected_yaml()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("- name: istio-proxy", r.Stdout);
        Assert.Contains($"Deployment ns/web: injected ({Versions.BundledVersions.DefaultProxyImage})", r.Stderr);
    }

    [Fact]
    public void No_input_at_all_is_a_usage_error_64()
    {
        var r = Run();

        Assert.Equal(64, r.Exit);
        Assert.Contains("kube-inject: error: filename not specified", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("--bogus=1")]
    public void An_unknown_option_is_a_usage_error_64_that_names_it(string option)
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, option);

        Assert.Equal(64, r.Exit);
        Assert.Contains($"unrecognized option '{option}'", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_bad_native_sidecars_value_is_a_usage_error_64_listing_the_choices()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, "--native-sidecars", "maybe");

        Assert.Equal(64, r.Exit);
        Assert.Contains("'maybe'", r.Stderr);
        Assert.Contains("'auto'", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void In_place_together_with_output_is_a_usage_error_64_and_writes_nothing()
    {
        var text = Manifests.Deployment();
        var input = sandbox.Write("app.yaml", text);
        var output = sandbox.PathOf("out.yaml");

        var r = Run("-f", input, "-i", "-o", output);

        Assert.Equal(64, r.Exit);
        Assert.Contains("--in-place and --output cannot be combined", r.Stderr);
        Assert.False(File.Exists(output));
        Assert.Equal(text, Read(input));
    }

    [Fact]
    public void Check_together_with_output_is_a_usage_error_64()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, "--check", "-o", sandbox.PathOf("out.yaml"));

        Assert.Equal(64, r.Exit);
        Assert.Contains("--check writes nothing", r.Stderr);
        Assert.False(File.Exists(sandbox.PathOf("out.yaml")));
    }

    [Fact]
    public void An_unknown_istio_version_is_a_usage_error_64_that_lists_the_bundled_versions()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, "--istio-version", "9.9");

        Assert.Equal(64, r.Exit);
        Assert.Contains("unsupported Istio version '9.9'", r.Stderr);
        Assert.Contains($"bundled versions: {string.Join(", ", Injector.BundledIstioVersions)}", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("1.22", "1.22.4")]
    [InlineData("1.22.4", "1.22.4")]
    [InlineData("1.23", "1.23.0")]
    [InlineData("1.23.0", "1.23.0")]
    [InlineData("1.29", "1.29.6")]
    [InlineData("1.29.6", "1.29.6")]
    public void A_bundled_istio_version_is_accepted_in_short_and_full_form(string version, string bundled)
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, "--istio-version", version);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains($"image: docker.io/istio/proxyv2:{bundled}", r.Stdout);
    }

    [Fact]
    public void Values_whose_global_tag_is_a_bundled_version_pick_it_with_a_warning_on_stderr()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        // The bundled 1.22 values are what a 1.22.4 cluster's injector configmap holds (global.tag: 1.22.4).
        var values = sandbox.Write("values.json", KubeInject.Settings.BundledSettings.ValuesText(KubeInject.Versions.IstioVersions.Bundled.Resolve("1.22")));

        var r = Run("-f", input, "--values", values);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("image: docker.io/istio/proxyv2:1.22.4", r.Stdout);
        Assert.Contains("kube-inject: warning: " + values + ": global.tag is 1.22.4, a bundled Istio version; using Istio 1.22.4's templates", r.Stderr);
    }

    [Fact]
    public void Malformed_yaml_exits_65_naming_file_line_column_and_document_without_a_stack_trace()
    {
        var input = sandbox.Write("bad.yaml", Manifests.ConfigMap + "---\nkind: ConfigMap\nkey: \"unterminated\n");

        var r = Run("-f", input);

        Assert.Equal(65, r.Exit);
        Assert.Contains($"kube-inject: error: {input}:10:6 (document 2): invalid YAML: ", r.Stderr);
        AssertNoStackTrace(r);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Malformed_yaml_in_the_first_document_is_reported_as_document_1()
    {
        var input = sandbox.Write("bad.yaml", "a: b\n  c: d\n");

        var r = Run("-f", input);

        Assert.Equal(65, r.Exit);
        Assert.Contains($"{input}:2:4 (document 1): invalid YAML: ", r.Stderr);
        AssertNoStackTrace(r);
    }

    [Fact]
    public void An_unclosed_flow_sequence_is_bad_input_65_not_an_internal_error()
    {
        var input = sandbox.Write("bad.yaml", "a: [\nb: c\n");

        var r = Run("-f", input);

        Assert.Equal(65, r.Exit);
        Assert.Contains($"{input}:", r.Stderr);
        Assert.Contains("(document 1): invalid YAML: ", r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
    }

    [Fact]
    public void An_annotation_istio_refuses_exits_65_with_istios_message()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment(
            podAnnotations: "        traffic.sidecar.istio.io/includeOutboundIPRanges: \"1.1.1.1\""));

        var r = Run("-f", input);

        Assert.Equal(65, r.Exit);
        Assert.Contains($"kube-inject: error: {input}:", r.Stderr);
        Assert.Contains("(document 1)", r.Stderr);
        Assert.Contains("includeIPRanges invalid", r.Stderr);
        Assert.Contains("'1.1.1.1'", r.Stderr);
        AssertNoStackTrace(r);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void An_unknown_template_in_the_templates_annotation_exits_65()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment(podAnnotations: "        inject.istio.io/templates: x"));

        var r = Run("-f", input);

        Assert.Equal(65, r.Exit);
        Assert.Contains("requested template \"x\" not found", r.Stderr);
        Assert.Contains($"{input}:", r.Stderr);
        AssertNoStackTrace(r);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_missing_input_file_exits_66_and_names_it()
    {
        var missing = sandbox.PathOf("nope.yaml");

        var r = Run("-f", missing);

        Assert.Equal(66, r.Exit);
        Assert.Contains($"kube-inject: error: {missing}: no such file or directory", r.Stderr);
    }

    [Fact]
    public void A_missing_input_among_good_ones_still_exits_66_after_processing_the_others()
    {
        var good = sandbox.Write("app.yaml", Manifests.Deployment());
        var missing = sandbox.PathOf("nope.yaml");

        var r = Run("-f", good, "-f", missing);

        Assert.Equal(66, r.Exit);
        Assert.Contains("- name: istio-proxy", r.Stdout);
        Assert.Contains($"{missing}: no such file or directory", r.Stderr);
    }

    [Fact]
    public void A_missing_values_file_exits_66_and_names_it()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var values = sandbox.PathOf("values.yaml");

        var r = Run("-f", input, "--values", values);

        Assert.Equal(66, r.Exit);
        Assert.Contains($"kube-inject: error: {values}: values file not found", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_missing_mesh_config_file_exits_66()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var mesh = sandbox.PathOf("mesh.yaml");

        var r = Run("-f", input, "--mesh-config", mesh);

        Assert.Equal(66, r.Exit);
        Assert.Contains($"{mesh}: mesh config file not found", r.Stderr);
    }
}
