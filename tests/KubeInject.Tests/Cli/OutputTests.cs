using System.Text.Json;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Cli;

/// <summary>Where the output goes: stdout, <c>-o FILE</c>, <c>-o DIR/</c>; the report on stderr; several inputs.</summary>
public sealed class OutputTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Output_naming_the_input_file_rewrites_it_with_the_injected_content()
    {
        var text = Manifests.Deployment();
        var input = sandbox.Write("app.yaml", text);
        var expected = Run("-f", input).Stdout;

        var r = Run("-f", input, "-o", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Stdout);
        var written = Read(input);
        Assert.Contains("- name: istio-proxy", written);
        Assert.StartsWith("apiVersion: apps/v1\nkind: Deployment\n", written);
        Assert.Equal(expected, written);
        Assert.Equal(["app.yaml"], Directory.GetFileSystemEntries(sandbox.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_to_a_new_file_writes_it_and_prints_nothing_on_stdout()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var output = sandbox.PathOf("out/injected.yaml");

        var r = Run("-f", input, "-o", output);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Contains("- name: istio-proxy", Read(output));
    }

    [Fact]
    public void A_failing_run_with_output_leaves_no_output_file_and_no_temp_files()
    {
        var input = sandbox.Write("bad.yaml", "a: b\n  c: d\n");
        var output = sandbox.PathOf("out.yaml");

        var r = Run("-f", input, "-o", output);

        Assert.Equal(65, r.Exit);
        Assert.False(File.Exists(output));
        Assert.Equal(["bad.yaml"], Directory.GetFileSystemEntries(sandbox.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failing_run_with_output_naming_the_input_leaves_the_input_untouched()
    {
        var text = Manifests.Deployment(podAnnotations: "        inject.istio.io/templates: x");
        var input = sandbox.Write("app.yaml", text);

        var r = Run("-f", input, "-o", input);

        Assert.Equal(65, r.Exit);
        Assert.Equal(text, Read(input));
        Assert.Equal(["app.yaml"], Directory.GetFileSystemEntries(sandbox.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Stdin_dash_prints_the_yaml_on_stdout_and_the_report_on_stderr()
    {
        var r = RunWithStdin(Manifests.Deployment(), "-f", "-");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.StartsWith("apiVersion: apps/v1\nkind: Deployment\n", r.Stdout);
        Assert.Contains("- name: istio-proxy", r.Stdout);
        Assert.Contains("- name: istio-init", r.Stdout);
        Assert.DoesNotContain("injected (", r.Stdout);
        Assert.Equal($"Deployment ns/web: injected ({Versions.BundledVersions.DefaultProxyImage})\n", r.Stderr);
    }

    [Fact]
    public void Host_networking_is_skipped_with_istios_message_on_stderr_and_the_input_unchanged_on_stdout()
    {
        var text = Manifests.Deployment(name: "x", podSpec: "      hostNetwork: true");

        var r = RunWithStdin(text, "-f", "-");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(text, r.Stdout);
        Assert.Contains("Skipping injection because Deployment \"ns/x\" has host networking enabled", r.Stderr);
        Assert.DoesNotContain("Skipping", r.Stdout);
    }

    [Fact]
    public void An_inject_false_label_is_skipped_with_istios_message_on_stderr()
    {
        var text = Manifests.Deployment(name: "x", podLabels: "        sidecar.istio.io/inject: \"false\"");

        var r = RunWithStdin(text, "-f", "-");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(text, r.Stdout);
        Assert.Contains("Skipping injection because Deployment \"ns/x\" has sidecar injection disabled", r.Stderr);
    }

    [Fact]
    public void With_report_none_a_skip_is_still_a_warning_but_injections_are_not_listed()
    {
        var text = Manifests.Deployment(name: "x", podSpec: "      hostNetwork: true") + "---\n" + Manifests.Deployment(name: "api");

        var r = RunWithStdin(text, "-f", "-", "--report", "none");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("kube-inject: warning: Skipping injection because Deployment \"ns/x\" has host networking enabled\n", r.Stderr);
    }

    [Fact]
    public void Report_json_is_parseable_and_gives_each_workloads_status()
    {
        var text = Manifests.Deployment(name: "x", podSpec: "      hostNetwork: true") + "---\n" + Manifests.Deployment(name: "api");

        var r = RunWithStdin(text, "-f", "-", "--report", "json");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("- name: istio-proxy", r.Stdout);
        using var json = JsonDocument.Parse(r.Stderr);
        var workloads = json.RootElement.GetProperty("workloads").EnumerateArray().ToList();
        Assert.Equal(2, workloads.Count);
        Assert.Equal(("x", "Deployment", "ns", "skipped"), Fields(workloads[0]));
        Assert.Equal("host_network_enabled", workloads[0].GetProperty("reason").GetString());
        Assert.Contains("has host networking enabled", workloads[0].GetProperty("message").GetString());
        Assert.Equal(("api", "Deployment", "ns", "injected"), Fields(workloads[1]));
        Assert.Equal(Versions.BundledVersions.DefaultProxyImage, workloads[1].GetProperty("proxyImage").GetString());
        Assert.Equal("stdin", workloads[1].GetProperty("file").GetString());

        static (string?, string?, string?, string?) Fields(JsonElement w) =>
            (w.GetProperty("name").GetString(), w.GetProperty("kind").GetString(),
             w.GetProperty("namespace").GetString(), w.GetProperty("status").GetString());
    }

    [Fact]
    public void Report_json_with_no_workloads_is_an_empty_list()
    {
        var r = RunWithStdin(Manifests.ConfigMap, "-f", "-", "--report", "json");

        Assert.True(r.Exit == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Stderr);
        Assert.Equal(0, json.RootElement.GetProperty("workloads").GetArrayLength());
    }

    [Fact]
    public void Several_inputs_are_printed_in_command_line_order()
    {
        var a = sandbox.Write("a.yaml", Manifests.Deployment(name: "alpha"));
        var b = sandbox.Write("b.yaml", Manifests.ConfigMap);

        var r = Run(b, "-f", a);

        // -f values come first, then positional paths.
        Assert.True(r.Exit == 0, r.ToString());
        var alpha = r.Stdout.IndexOf("name: alpha", StringComparison.Ordinal);
        var settings = r.Stdout.IndexOf("name: settings", StringComparison.Ordinal);
        Assert.True(alpha >= 0 && settings > alpha, r.Stdout);
        Assert.EndsWith(Manifests.ConfigMap, r.Stdout);
        Assert.Contains("Deployment ns/alpha: injected", r.Stderr);
    }

    [Fact]
    public void Several_inputs_on_stdout_stay_separate_documents()
    {
        // Without a separator the second file's first document would merge into the first file's last one.
        var a = sandbox.Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first"); // no final newline
        var b = sandbox.Write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n");
        var c = sandbox.Write("c.yaml", "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: third\n");

        var r = Run(a, b, c);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\n" +
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n" +
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: third\n",
            r.Stdout);
    }

    [Fact]
    public void A_directory_without_recursive_takes_only_its_own_yaml_yml_and_json_files()
    {
        sandbox.Write("in/a.yaml", Manifests.Deployment(name: "a"));
        sandbox.Write("in/b.yml", Manifests.Deployment(name: "b"));
        sandbox.Write("in/c.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}\n");
        sandbox.Write("in/d.txt", Manifests.Deployment(name: "d"));
        sandbox.Write("in/sub/e.yaml", Manifests.Deployment(name: "e"));

        var r = Run("-f", sandbox.PathOf("in"));

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal($"Deployment ns/a: injected ({Versions.BundledVersions.DefaultProxyImage})\nDeployment ns/b: injected ({Versions.BundledVersions.DefaultProxyImage})\n", r.Stderr);
        Assert.Contains("\"name\": \"c\"", r.Stdout);
        Assert.DoesNotContain("name: d", r.Stdout);
        Assert.DoesNotContain("name: e", r.Stdout);
    }

    [Fact]
    public void A_directory_with_recursive_takes_manifests_in_subfolders_too()
    {
        sandbox.Write("in/a.yaml", Manifests.Deployment(name: "a"));
        sandbox.Write("in/d.txt", Manifests.Deployment(name: "d"));
        sandbox.Write("in/sub/e.yaml", Manifests.Deployment(name: "e"));
        sandbox.Write("in/sub/deeper/f.YML", Manifests.Deployment(name: "f"));

        var r = Run("-R", sandbox.PathOf("in"));

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("Deployment ns/a: injected", r.Stderr);
        Assert.Contains("Deployment ns/e: injected", r.Stderr);
        Assert.Contains("Deployment ns/f: injected", r.Stderr);
        Assert.DoesNotContain("ns/d", r.Stderr);
        Assert.DoesNotContain("name: d", r.Stdout);
    }

    [Fact]
    public void Output_dir_mirrors_the_input_tree()
    {
        sandbox.Write("in/a.yaml", Manifests.Deployment(name: "a"));
        sandbox.Write("in/sub/b.yaml", Manifests.Deployment(name: "b"));
        sandbox.Write("in/sub/c.yml", Manifests.ConfigMap);
        sandbox.Write("in/notes.txt", "not a manifest\n");
        var output = sandbox.PathOf("out") + "/";

        var r = Run("-R", "-f", sandbox.PathOf("in"), "-o", output);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Stdout);
        var files = Directory.EnumerateFiles(sandbox.PathOf("out"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sandbox.PathOf("out"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["a.yaml", "sub/b.yaml", "sub/c.yml"], files);
        Assert.Contains("- name: istio-proxy", Read(sandbox.PathOf("out/sub/b.yaml")));
        Assert.Contains("  name: b\n", Read(sandbox.PathOf("out/sub/b.yaml")));
        Assert.Equal(Manifests.ConfigMap, Read(sandbox.PathOf("out/sub/c.yml")));
    }

    [Fact]
    public void Output_dir_with_a_single_file_input_writes_the_file_inside_it()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var output = sandbox.PathOf("out") + "/";

        var r = Run("-f", input, "-o", output);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("- name: istio-proxy", Read(sandbox.PathOf("out/app.yaml")));
    }

    [Fact]
    public void Output_dir_keeps_two_inputs_that_share_a_file_name()
    {
        var one = sandbox.Write("one/app.yaml", Manifests.Deployment(name: "one"));
        var two = sandbox.Write("two/app.yaml", Manifests.Deployment(name: "two"));
        var output = sandbox.PathOf("out") + "/";

        var r = Run(one, two, "-o", output);

        Assert.True(r.Exit == 0, r.ToString());
        var written = Directory.EnumerateFiles(sandbox.PathOf("out"), "*", SearchOption.AllDirectories).Select(Read).ToList();
        Assert.Equal(2, written.Count);
        Assert.Contains(written, t => t.Contains("  name: one\n"));
        Assert.Contains(written, t => t.Contains("  name: two\n"));
    }

    [Fact]
    public void Color_always_colours_the_diff_and_the_default_does_not_when_stdout_is_not_the_console()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var plain = Run("-f", input, "--diff");
        var coloured = Run("-f", input, "--diff", "--color", "always");

        Assert.DoesNotContain("\u001b[", plain.Stdout, StringComparison.Ordinal);
        Assert.Contains("\u001b[32m+", coloured.Stdout, StringComparison.Ordinal);
        Assert.Contains("+        - name: istio-proxy", plain.Stdout);
    }
}
