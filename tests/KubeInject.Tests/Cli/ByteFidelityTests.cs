using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Cli;

/// <summary>Bytes the CLI must not change: BOM, CRLF, untouched documents, inputs without workloads.</summary>
public sealed class ByteFidelityTests : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private const string CrlfConfigMap =
        "\uFEFF# settings for web\r\n" +
        "apiVersion: v1\r\n" +
        "kind: ConfigMap\r\n" +
        "metadata:\r\n" +
        "  name: settings    # odd spacing kept\r\n" +
        "data:\r\n" +
        "  'single': \"double\"\r\n" +
        "  flow: {a: 1,   b: [2, 3]}\r\n" +
        "  block: |\r\n" +
        "    line one\r\n" +
        "    ---\r\n" +
        "    line three\r\n";

    [Fact]
    public void Bom_and_crlf_input_keeps_the_configmap_byte_identical_the_bom_and_crlf_line_ends()
    {
        var deployment = Manifests.Deployment(nl: "\r\n");
        var text = CrlfConfigMap + "---\r\n" + deployment;
        var input = sandbox.Write("app.yaml", text);
        var output = sandbox.PathOf("out.yaml");

        var r = Run("-f", input, "-o", output);

        Assert.True(r.Exit == 0, r.ToString());
        var bytes = File.ReadAllBytes(output);
        Assert.Equal(Bom, bytes[..3]);
        Assert.NotEqual(Bom, bytes[3..6]);
        var written = Read(output);
        Assert.StartsWith(CrlfConfigMap + "---\r\n", written);
        Assert.Contains("- name: istio-proxy\r\n", written);
        Assert.True(Manifests.HasOnlyCrlf(written), "lone LF at " + written.IndexOf('\n', StringComparison.Ordinal));
        Assert.DoesNotContain("\r\r", written);
    }

    [Fact]
    public void Bom_and_crlf_input_through_stdin_keeps_the_bom_and_crlf_on_stdout()
    {
        var text = CrlfConfigMap + "---\r\n" + Manifests.Deployment(nl: "\r\n");

        var r = RunWithStdin(text, "-f", "-");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.StartsWith(CrlfConfigMap + "---\r\n", r.Stdout);
        Assert.Contains("security.istio.io/tlsMode: istio\r\n", r.Stdout);
        Assert.True(Manifests.HasOnlyCrlf(r.Stdout));
    }

    [Fact]
    public void Input_without_workloads_comes_out_byte_identical_through_output_file()
    {
        var text = CrlfConfigMap +
                   "---\r\n" +
                   "apiVersion: v1\r\n" +
                   "kind: Service\r\n" +
                   "metadata: {name: web}\r\n" +
                   "spec:\r\n" +
                   "  ports:\r\n" +
                   "  - port: 80   # http\r\n" +
                   "...\r\n" +
                   "# trailing comment without a line end";
        var input = sandbox.Write("app.yaml", text);
        var output = sandbox.PathOf("out.yaml");

        var r = Run("-f", input, "-o", output);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(output));
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Input_without_workloads_comes_out_identical_on_stdout()
    {
        var text = "\uFEFF" + Manifests.ConfigMap.Replace("\n", "\r\n", StringComparison.Ordinal) + "---\r\n# only a comment\r\n";

        var r = RunWithStdin(text, "-f", "-");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(text, r.Stdout);
    }

    [Fact]
    public void A_skipped_workload_next_to_an_injected_one_comes_out_byte_identical()
    {
        var skipped = Manifests.Deployment(name: "host", podSpec: "      hostNetwork: true   # keep me", nl: "\r\n");
        var text = skipped + "---\r\n" + Manifests.Deployment(name: "web", nl: "\r\n");

        var r = RunWithStdin(text, "-f", "-");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.StartsWith(skipped + "---\r\n", r.Stdout);
        Assert.Contains("- name: istio-proxy", r.Stdout);
    }
}
