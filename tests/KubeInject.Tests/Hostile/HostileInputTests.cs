using System.Text;
using KubeInject.Cli;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Tests.Cli;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Hostile;

/// <summary>
/// Issue 12, "writes something wrong with exit 0": input the tool used to rewrite wrongly is now either handled
/// correctly or refused with exit 65 and a message naming file, line (and document); nothing is written then.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static KubeInjectException ReadFails(string text) =>
        Assert.Throws<KubeInjectException>(() => ManifestReader.Read(text, "f.yaml").ToList());

    private static void AssertNoStackTrace(CliResult r) =>
        Assert.DoesNotContain(r.Stderr.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));

    // ---- line breaks ----

    [Fact]
    public void Cr_only_line_breaks_are_refused_with_65_naming_the_place()
    {
        var input = sandbox.Write("mac.yaml", Manifests.Deployment(nl: "\r"));

        var r = Run("-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("mac.yaml:1:20 (document 1): a carriage return (CR) that is not followed by a line feed", r.Stderr);
        Assert.Equal("", r.Stdout);
        AssertNoStackTrace(r);
    }

    [Fact]
    public void A_stray_cr_inside_a_document_is_refused_and_in_place_leaves_the_file_alone()
    {
        string text = Manifests.Deployment().Replace("spec:\n  selector:", "spec:\r  selector:", StringComparison.Ordinal);
        var input = sandbox.Write("stray.yaml", text);

        var r = Run("-i", "-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("stray.yaml:6:6", r.Stderr);
        Assert.Equal(text, Read(input));
    }

    [Theory]
    [InlineData('\u0085', "U+0085 (next line)")]
    [InlineData('\u2028', "U+2028 (line separator)")]
    [InlineData('\u2029', "U+2029 (paragraph separator)")]
    public void Unicode_line_breaks_yaml_1_1_reads_are_refused(char lineBreak, string message)
    {
        // Found by the fuzzer: a NEL before "-apiVersion: v1" was a line break to the reader, not to the writer,
        // and the output did not parse.
        var e = Assert.Throws<KubeInjectException>(() => ManifestReader.Read(lineBreak + "-apiVersion: v1\nkind: List\n", "nel.yaml").ToList());

        Assert.Contains(message, e.Message);
        Assert.Equal((1, 1), (e.Location!.Line, e.Location.Column));
    }

    [Fact]
    public void Crlf_input_still_works_and_keeps_its_line_breaks()
    {
        var input = sandbox.Write("win.yaml", Manifests.Deployment(nl: "\r\n") + "---\r\n" + Manifests.ConfigMap.Replace("\n", "\r\n", StringComparison.Ordinal));

        var r = Run("-f", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.True(Manifests.HasOnlyCrlf(r.Stdout));
        Assert.EndsWith(Manifests.ConfigMap.Replace("\n", "\r\n", StringComparison.Ordinal), r.Stdout);
    }

    // ---- a tag on the first key ----

    [Fact]
    public void A_tag_on_the_first_key_is_written_once_and_not_reindented()
    {
        var input = sandbox.Write("tag.yaml", "!!str apiVersion: apps/v1\n" + Manifests.Deployment()["apiVersion: apps/v1\n".Length..]);

        var r = Run("-f", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.StartsWith("!!str apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n", r.Stdout);
        var doc = Assert.Single(ManifestReader.Read(r.Stdout, "out.yaml"));
        Assert.Contains("istio-proxy", r.Stdout);
        Assert.NotNull(doc.Root);
    }

    [Theory]
    [InlineData("app: !!int hello", "'hello' is not a value of its tag tag:yaml.org,2002:int")]
    [InlineData("app: !!bool maybe", "'maybe' is not a value of its tag tag:yaml.org,2002:bool")]
    [InlineData("app: !!float x1", "'x1' is not a value of its tag tag:yaml.org,2002:float")]
    public void A_scalar_that_does_not_match_its_tag_is_refused(string line, string message)
    {
        // Found by the fuzzer: "!!int hello" crashed injection (exit 70) with a FormatException.
        var e = Assert.Throws<KubeInjectException>(() => ManifestReader.Read("a: 1\n" + line + "\n", "tag.yaml").ToList());

        Assert.Contains(message, e.Message);
        Assert.Equal(2, e.Location!.Line);
        Assert.Single(ManifestReader.Read("a: !!int 0x1F\nb: !!float 1\nc: !!str x\nd: !!null ~\n", "ok.yaml"));
    }

    // ---- bytes that are not UTF-8 ----

    private string WriteLatin1()
    {
        var bytes = Encoding.UTF8.GetBytes(Manifests.ConfigMap + "---\n" + Manifests.Deployment()).ToList();
        // "café" in Latin-1 in the ConfigMap (a document injection does not change).
        bytes.InsertRange(Encoding.UTF8.GetByteCount("apiVersion: v1\nkind: ConfigMap\n"), Encoding.Latin1.GetBytes("# caf\u00e9\n"));
        var path = sandbox.PathOf("latin1.yaml");
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("--diff")]
    [InlineData("-i")]
    [InlineData("check")]
    public void Bytes_that_are_not_utf8_are_refused_with_65_naming_line_and_column_and_the_file_is_untouched(string mode)
    {
        var path = WriteLatin1();
        var before = File.ReadAllBytes(path);

        var r = mode switch
        {
            "stream" => Run("-f", path),
            "check" => Run("check", path),
            _ => Run(mode, "-f", path),
        };

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("latin1.yaml:3:6: not UTF-8 (byte 0xE9)", r.Stderr);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.DoesNotContain("\uFFFD", r.Stdout);
        AssertNoStackTrace(r);
    }

    [Fact]
    public void Stdin_that_is_not_utf8_is_refused_with_65()
    {
        var bytes = Encoding.Latin1.GetBytes(Manifests.ConfigMap + "# caf\u00e9\n");
        using var stdin = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = KubeInjectApp.Run([], new CliContext(stdin, stdout, stderr, new Dictionary<string, string>()));

        Assert.True(exit == 65, stderr.ToString());
        Assert.Contains("stdin: not UTF-8 (byte 0xE9)", stderr.ToString());
        Assert.Equal("", stdout.ToString());
    }

    // ---- wrong-typed fields ----

    [Theory]
    [InlineData("      containers:\n        web: {image: nginx}\n", "spec.template.spec.containers must be a list, not a mapping", 16)]
    [InlineData("      containers: web\n", "spec.template.spec.containers must be a list, not a scalar", 15)]
    [InlineData("      initContainers: x\n      containers: []\n", "spec.template.spec.initContainers must be a list, not a scalar", 15)]
    [InlineData("      containers:\n        - web\n", "spec.template.spec.containers[0] must be a mapping, not a scalar", 16)]
    [InlineData("      volumes: {}\n      containers: []\n", "spec.template.spec.volumes must be a list, not a mapping", 15)]
    [InlineData("      containers:\n        - name: web\n          env: {A: b}\n", "spec.template.spec.containers[0].env must be a list, not a mapping", 17)]
    [InlineData("      securityContext: [a]\n      containers: []\n", "spec.template.spec.securityContext must be a mapping, not a list", 15)]
    public void A_pod_spec_field_of_the_wrong_type_is_refused_with_65_naming_field_and_line(string podSpec, string message, int line)
    {
        string text = Manifests.Deployment().Split("      containers:")[0] + podSpec;
        var input = sandbox.Write("typed.yaml", text);

        var r = Run("-i", "-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains($"typed.yaml:{line}:", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.Equal(text, Read(input));
    }

    [Theory]
    [InlineData("      annotations: [a, b]\n", "spec.template.metadata.annotations must be a mapping, not a list", 12)]
    [InlineData("      annotations:\n        note: {a: b}\n", "spec.template.metadata.annotations.note must be a string, not a mapping", 13)]
    [InlineData("      labels: x\n", "spec.template.metadata.labels must be a mapping, not a scalar", 12)]
    public void Pod_metadata_of_the_wrong_type_is_refused_with_65(string metadata, string message, int line)
    {
        string text = Manifests.Deployment().Replace("      labels:\n        app: web\n", metadata, StringComparison.Ordinal);
        var input = sandbox.Write("meta.yaml", text);

        var r = Run("-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains($"meta.yaml:{line}:", r.Stderr);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void Two_containers_with_the_same_name_are_refused_naming_both()
    {
        // Found by the fuzzer: a duplicated "- name: istio-proxy" line gave a pod with two istio-proxy containers,
        // whose injection was not a fixed point.
        var input = sandbox.Write("twice.yaml", Manifests.Deployment() + "        - name: istio-proxy\n        - name: istio-proxy\n          image: auto\n");

        var r = Run("-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("twice.yaml:19:17 (document 1): spec.template.spec.containers[2].name: the container name 'istio-proxy' is already used by containers[1]", r.Stderr);
    }

    [Fact]
    public void Uninject_and_check_refuse_a_wrong_typed_field_too()
    {
        var input = sandbox.Write("typed.yaml", Manifests.Deployment().Split("      containers:")[0] + "      containers: web\n");

        Assert.Equal(65, Run("uninject", input).Exit);
        Assert.Equal(65, Run("check", input).Exit);
    }

    [Fact]
    public void An_istio_proxy_customisation_with_a_field_containers_do_not_have_is_refused_not_lost_on_reinjection()
    {
        // Found by the fuzzer: "lis" (a mangled "limits") was kept by the first injection but cannot be recorded in
        // proxy.istio.io/overrides (Go's typed JSON drops it), so the second run dropped it.
        string text = Manifests.Deployment() + "        - name: istio-proxy\n          image: auto\n          resources:\n            lis:\n              cpu: 3000m\n";
        var input = sandbox.Write("custom.yaml", text);

        var r = Run("-i", "-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("custom.yaml:1:1 (document 1): container istio-proxy: resources.lis is not a field of a Kubernetes container", r.Stderr);
        Assert.Equal(text, Read(input));
    }

    [Theory]
    [InlineData("          securityContext:\n            runAsGroup: 43>-21\n", "securityContext.runAsGroup must be an integer")]
    [InlineData("          tty: maybe\n", "tty must be true or false")]
    [InlineData("          lifecycle: {preStop: {exec: {command: sleep}}}\n", "lifecycle.preStop.exec.command must be a list of strings")]
    public void An_istio_proxy_customisation_of_the_wrong_type_is_refused(string field, string message)
    {
        // Found by the fuzzer: "runAsGroup: 43>-21" went into proxy.istio.io/overrides as invalid JSON, and the
        // second run refused the tool's own output.
        var input = sandbox.Write("custom.yaml", Manifests.Deployment() + "        - name: istio-proxy\n          image: auto\n" + field);

        var r = Run("-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains($"container istio-proxy: {message}", r.Stderr);
    }

    [Fact]
    public void A_key_without_value_in_an_istio_proxy_customisation_survives_the_second_run()
    {
        // Found by the fuzzer: "command:" (null) was kept by the first run, and the second run (which strips the
        // sidecar and restores the customisation from proxy.istio.io/overrides, where Go drops nulls) removed it.
        var input = sandbox.Write("custom.yaml", Manifests.Deployment() + "        - name: istio-proxy\n          image: auto\n          args: [\"-c\", \"my.yaml\"]\n          command:\n");

        var first = Run("-f", input, "--report", "none");
        var second = RunWithStdin(first.Stdout, "-f", "-", "--report", "none");

        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains("          command:\n", first.Stdout);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    // ---- empty keys ----

    [Fact]
    public void A_key_missing_before_its_colon_is_refused_with_its_line()
    {
        // Fuzz run 8 (KUBEINJECT_FUZZ_SEED=9Rle3u9FFT96W2Vr): `metadata:` left empty and followed by ": x"; the
        // injected metadata went before that line and the output no longer parsed.
        var e = ReadFails("apiVersion: v1\nkind: Pod\nmetadata:\n: hello\nspec:\n  containers:\n  - name: a\n    image: a\n");

        Assert.Equal(4, e.Location!.Line);
        Assert.Contains("a mapping key is missing", e.Message);
    }

    [Theory]
    // Fuzz run 8 (KUBEINJECT_FUZZ_SEED=cETWo0INmwK6W2Vr): a tab after the spaces of a probe's key; the probe rewrite
    // re-indented the block around it and the output no longer parsed.
    [InlineData("    httpGet:\n      \tport: 8080\n", 9, 7)]
    // Fuzz run 8 (KUBEINJECT_FUZZ_SEED=3-oQT5yiJGi6W2Vr): "      \tspec:" under a key indented by 4.
    [InlineData("    lifecycle:\n      \tpreStop: {}\n", 9, 7)]
    // A tab at or before the parent's column: YamlDotNet refuses it itself, with no position in its message (the
    // scanner's is used).
    [InlineData("    httpGet:\n\tport: 8080\n", 9, 1, "invalid tab as indentation")]
    [InlineData("    httpGet:\n  \tport: 8080\n", 9, 3, "invalid tab as indentation")]
    [InlineData("    command:\n    -\tsleep\n", 9, 6)]
    [InlineData("    env:\n    - \tname: A\n", 9, 7)]
    public void A_tab_in_block_indentation_is_refused_where_it_is(string probe, int line, int column, string message = "a tab before a block")
    {
        var e = ReadFails("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n" + probe);

        Assert.Equal((line, column), (e.Location!.Line, e.Location.Column));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    // Tabs where YAML allows them stay: after a key's colon, in flow collections, inside block scalars and comments.
    [InlineData("data:\n  a:\tb\n  c: {d:\te}\n  f: |\n    \tindented\n  # \tcomment\n")]
    [InlineData("data:\n  a: \"x\n   \ty\"\n")]
    public void Tabs_where_YAML_allows_them_are_read(string data)
    {
        var input = sandbox.Write("tabs.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n" + data);

        var r = Run("-f", input, "--report", "none");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(Read(input), r.Stdout);
    }

    [Fact]
    public void A_quoted_empty_key_is_read_as_the_user_wrote_it()
    {
        var input = sandbox.Write("quoted.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  \"\": x\n");

        var r = Run("-f", input, "--report", "none");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(Read(input), r.Stdout);
    }

    // ---- duplicate keys ----

    [Fact]
    public void A_duplicate_key_is_refused_naming_both_lines()
    {
        var e = ReadFails("a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n");

        Assert.Equal(5, e.Location!.Line);
        Assert.Contains("duplicate key 'c' (first at line 3)", e.Message);
    }

    [Fact]
    public void A_duplicate_key_in_a_large_mapping_is_found_too()
    {
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"k{i}: {i}\n")) + "k7: again\n";

        var e = ReadFails(text);

        Assert.Equal(41, e.Location!.Line);
        Assert.Contains("duplicate key 'k7' (first at line 8)", e.Message);
    }

    [Fact]
    public void A_duplicated_spec_exits_65_and_writes_nothing()
    {
        string text = Manifests.Deployment() + "spec:\n  replicas: 2\n";
        var input = sandbox.Write("dup.yaml", text);

        var r = Run("-i", "-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("dup.yaml:18:1 (document 1): invalid YAML: duplicate key 'spec' (first at line 6)", r.Stderr);
        Assert.Equal(text, Read(input));
    }

    [Fact]
    public void A_duplicated_key_whose_value_is_an_empty_anchored_node_is_bad_input_not_an_internal_error()
    {
        var input = sandbox.Write("anchor.yaml", Manifests.Deployment() + "          ports: &p\n          ports: *p\n");

        var r = Run("-f", input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("duplicate key 'ports'", r.Stderr);
    }

    // ---- a broken status annotation ----

    [Fact]
    public void A_broken_status_annotation_is_a_warning_and_the_workload_is_left_as_it_is()
    {
        var first = Run("-f", sandbox.Write("app.yaml", Manifests.Deployment()), "--report", "none");
        Assert.Equal(0, first.Exit);
        string injected = System.Text.RegularExpressions.Regex.Replace(first.Stdout, "sidecar.istio.io/status: .*", "sidecar.istio.io/status: '{broken'");
        var input = sandbox.Write("injected.yaml", injected);

        var r = Run("-f", input);
        var again = RunWithStdin(r.Stdout, "-f", "-");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(injected, r.Stdout);
        Assert.Contains("skipped [invalid_status]", r.Stderr);
        Assert.Contains("kube-inject: warning: ", r.Stderr);
        Assert.Equal(r.Stdout, again.Stdout);
    }
}
