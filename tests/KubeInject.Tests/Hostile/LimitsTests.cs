using System.Text;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Tests.Cli;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Hostile;

/// <summary>Each of <see cref="Limits"/> at the limit (read) and over it (refused as bad input, with a location).</summary>
public sealed class LimitsTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static List<ManifestDocument> Read(string text) => ManifestReader.Read(text, "f.yaml").ToList();

    private static string Nested(int depth, bool flow) => flow
        ? new string('[', depth) + new string(']', depth) + "\n"
        : string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 2 * depth) + "v\n";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nesting_at_the_limit_is_read(bool flow)
    {
        var doc = Assert.Single(Read(Nested(Limits.MaxNestingDepth, flow)));
        Assert.NotNull(doc.Root);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nesting_over_the_limit_is_refused(bool flow)
    {
        var e = Assert.Throws<KubeInjectException>(() => Read(Nested(Limits.MaxNestingDepth + 1, flow)));
        Assert.Contains($"nested deeper than {Limits.MaxNestingDepth} levels", e.Message);
        Assert.Equal(flow ? 1 : Limits.MaxNestingDepth + 1, e.Location!.Line);
    }

    [Fact]
    public void Twenty_thousand_open_brackets_exit_65_without_a_stack_overflow_or_a_temp_file()
    {
        var input = sandbox.Write("deep.yaml", "a: " + new string('[', 20_000) + "\n");
        var output = sandbox.PathOf("out/deep.yaml");

        var r = Run("-f", input, "-o", output);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("deep.yaml:1:", r.Stderr);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }

    [Fact]
    public void A_deeply_nested_workload_at_the_limit_is_injected()
    {
        // The pod spec sits 5 levels deep; an unknown container field carries the rest.
        string deep = "          x: " + new string('[', Limits.MaxNestingDepth - 6) + new string(']', Limits.MaxNestingDepth - 6) + "\n";
        var input = sandbox.Write("app.yaml", Manifests.Deployment() + deep);

        var r = Run("-f", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains(deep, r.Stdout);
    }

    // n anchors; each but the first is a flow sequence of `width` aliases of the one before.
    private static string AliasBomb(int levels, int width)
    {
        var sb = new StringBuilder("a0: &a0 x\n");
        for (int i = 1; i < levels; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", width))}]\n");
        return sb.ToString();
    }

    [Fact]
    public void Aliases_expanding_to_the_limit_are_read()
    {
        // 1000 aliases of a 999-item sequence (1000 nodes each, with the sequence itself): exactly the limit.
        string text = "s: &s [" + string.Join(",", Enumerable.Repeat("1", 999)) + "]\nt: [" + string.Join(",", Enumerable.Repeat("*s", Limits.MaxAliasExpansion / 1000)) + "]\n";

        var doc = Assert.Single(Read(text));

        Assert.NotNull(doc.Root);
    }

    [Fact]
    public void Aliases_expanding_past_the_limit_are_refused()
    {
        string text = "s: &s [" + string.Join(",", Enumerable.Repeat("1", 999)) + "]\nt: [" + string.Join(",", Enumerable.Repeat("*s", Limits.MaxAliasExpansion / 1000 + 1)) + "]\n";

        var e = Assert.Throws<KubeInjectException>(() => Read(text));

        Assert.Contains("expand to more than 1,000,000 nodes", e.Message);
        Assert.Equal(2, e.Location!.Line);
    }

    [Theory]
    [InlineData("-f")]
    [InlineData("check")]
    [InlineData("version")]
    public void A_nine_by_nine_alias_bomb_exits_65(string command)
    {
        var input = sandbox.Write("bomb.yaml", AliasBomb(10, 9));

        var r = command == "-f" ? Run("-f", input) : Run(command, input);

        Assert.True(r.Exit == 65, r.ToString());
        Assert.Contains("bomb.yaml:", r.Stderr);
        Assert.Contains("an alias bomb?", r.Stderr);
    }

    private static string DocumentOfLength(int length)
    {
        const string head = "apiVersion: v1\nkind: ConfigMap\ndata:\n  big: ";
        return head + new string('x', length - head.Length - 1) + "\n";
    }

    [Fact]
    public void A_document_at_the_size_limit_is_read()
    {
        string text = DocumentOfLength(Limits.MaxDocumentLength);

        var doc = Assert.Single(Read(text));

        Assert.Equal(Limits.MaxDocumentLength, doc.Text.Length);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_but_the_limit_is_per_document()
    {
        string ok = DocumentOfLength(Limits.MaxDocumentLength / 2);

        Assert.Equal(3, Read(ok + "---\n" + ok + "---\n" + ok).Count);
        var e = Assert.Throws<KubeInjectException>(() => Read("a: 1\n---\n" + DocumentOfLength(Limits.MaxDocumentLength + 1)));
        Assert.Contains("longer than 8,388,608 characters", e.Message);
        Assert.Equal(1, e.Location!.Document);
        Assert.Equal(2, e.Location.Line);
    }
}
