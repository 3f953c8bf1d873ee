using KubeInject.Reading;
using KubeInject.Rendering;
using KubeInject.Tests.Conformance;
using KubeInject.Tests.Uninjection;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeInject.Tests.Rendering;

/// <summary>
/// The fast parser for rendered templates against YamlDotNet: the same tree on the subset it accepts, a refusal
/// (so YamlDotNet parses) on everything else.
/// </summary>
public sealed class BlockYamlParserTests
{
    public static TheoryData<string, string> Accepted() => new()
    {
        { "nested mappings", "a:\n  b: 1\n  c:\n    d: x y z\ne: true\n" },
        { "non-indented sequence", "spec:\n  containers:\n  - name: a\n    image: b\n  - name: c\n  volumes:\n  - x\n" },
        { "indented sequence", "args:\n  - istio-iptables\n  - \"-p\"\n  - '15001'\nnext: 1\n" },
        { "nested sequences", "a:\n- - 1\n  - 2\n- - 3\n" },
        { "empty values", "a:\nb: \nc:\n  -\n  - x\n" },
        { "quoted keys and escapes", "\"k8s.v1.cni.cncf.io/networks\": \"a\\\"b\\\\c\\u00e9\\n\"\n'it''s': 'don''t'\n" },
        { "literal block", "script: |\n  line 1\n\n    indented # not a comment\n  line 3\nafter: 1\n" },
        { "literal strip and keep", "a: |-\n  x\n\nb: |+\n  y\n\n\nc: |\n  z\n\n" },
        { "literal in a sequence", "- |\n  one\n  two\n- x\n" },
        { "flow over several lines", "annotations: {\n  istio.io/rev: \"default\",\n  kubectl.kubernetes.io/default-container: \"app\",\n}\nlabels: {}\n" },
        { "flow sequence", "args: [\"a\", 'b', c d, [1, 2], {x: y}]\nempty: []\n" },
        { "comments and blank lines", "# head\n\na: \"1\" # trailing\n   # odd indent\nb:\n  # inside\n  c: 2\n\n" },
        { "plain scalars with indicators inside", "url: http://x:8080/a#b\nneg: -1\nq: x?\nbrackets: a[b]{c},d\n" },
        { "root sequence", "- a\n- b: c\n  d: e\n" },
        { "root scalar", "just text\n" },
        { "empty document", "\n# only a comment\n" },
        { "resource block with trailing spaces", "resources:\n  limits:\n    cpu: 2000m\n      \n  requests: {}\n" },
    };

    public static TheoryData<string, string> Refused() => new()
    {
        { "anchor", "a: &x 1\nb: *x\n" },
        { "tag", "a: !!str 1\n" },
        { "folded block", "a: >\n  x\n  y\n" },
        { "multi-line plain", "a: one\n  two\n" },
        { "multi-line quoted", "a: \"one\n  two\"\n" },
        { "tab", "a:\tb\n" },
        { "document marker", "---\na: 1\n" },
        { "nested mapping on one line", "a: b: c\n" },
        { "single-pair flow mapping", "a: [b: c]\n" },
        { "comment after a plain value", "a: b # c\n" },
        { "bad indentation", "a:\n    b: 1\n  c: 2\n" },
        { "unclosed flow", "a: {b: c\n" },
        { "JSON-style flow key", "a: {\"b\":1}\n" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_texts_parse_as_YamlDotNet_parses_them(string what, string text)
    {
        Assert.True(BlockYamlParser.TryParse(text, out var fast), $"{what}: refused");
        var reference = YamlDotNetTree(text);
        Assert.True(YamlFragment.Difference(fast, reference, "") is null, $"{what}: {YamlFragment.Difference(fast, reference, "")}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Texts_outside_the_subset_are_left_to_YamlDotNet(string what, string text)
    {
        Assert.False(BlockYamlParser.TryParse(text, out _), what);
    }

    [Fact]
    public void The_difference_check_sees_a_changed_style()
    {
        Assert.True(BlockYamlParser.TryParse("a: \"1\"\n", out var quoted));
        Assert.NotNull(YamlFragment.Difference(quoted, YamlDotNetTree("a: 1\n"), ""));
    }

    private static Yaml.YNode? YamlDotNetTree(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        return new YamlTreeBuilder(parser, null).ReadDocumentBody(out _);
    }
}

/// <summary>Every template of every corpus case renders into the subset (so the speed-up is real), and parses as YamlDotNet parses it.</summary>
[Collection(nameof(FallbackCounting))]
public sealed class RenderedTemplatesTests
{
    public static TheoryData<string> Versions() => ["1.22.4", "1.23.0", "1.29.6"];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Corpus_templates_take_the_fast_path(string version)
    {
        var cases = CorpusSettings.Injectable(version).ToList();
        if (cases.Count == 0) Assert.Skip($"../shared/conformance not found: {ConformanceCorpus.SearchedPlaces}");
        Assert.True(YamlFragment.VerifyFastParser);
        int before = YamlFragment.Fallbacks;
        foreach (var c in cases)
            new Injector(CorpusSettings.For(c, version)).Inject(File.ReadAllText(c.InputPath), c.InputPath);
        Assert.Equal(before, YamlFragment.Fallbacks);
    }
}

/// <summary>Tests that read <see cref="YamlFragment.Fallbacks"/> run alone, so no other test's template counts.</summary>
[CollectionDefinition(nameof(FallbackCounting), DisableParallelization = true)]
public sealed class FallbackCounting;
