using KubeInject.Reading;
using KubeInject.Rendering;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeInject.Tests.Rendering;

/// <summary>
/// Differential fuzzing of <see cref="BlockYamlParser"/> against YamlDotNet: random texts built from the subset's
/// pieces and from near misses (odd indentation, indicators inside scalars, comments, blank lines, unclosed flow).
/// Whenever the fast parser accepts a text, YamlDotNet must accept it too and build the same tree.
/// </summary>
public sealed class BlockYamlParserFuzzTests
{
    private static readonly string[] Words =
    [
        "a", "istio-proxy", "15020", "true", "null", "~", "-1", "0x1F", "1e3", "a:b", "http://x:80/p", "a#b", "a # b",
        "-p", "--flag=v", "?q", ":c", "x y", "a, b", "[x]", "{y}", "*", "&z", "!t", "'", "\"", "é", "a\\b", "|", ">", "@",
        "%", "`", "- x", "k: v", "", " ", "yes", "No", "2000m", "1024Mi", "/etc/istio/proxy",
    ];

    [Theory]
    [InlineData(20261125)]
    [InlineData(1)]
    [InlineData(42)]
    public void Whatever_the_fast_parser_accepts_YamlDotNet_reads_the_same(int seed)
    {
        var random = new Random(seed);
        int accepted = 0;
        for (int n = 0; n < 4000; n++)
        {
            var sb = new StringBuilder();
            Block(sb, random, indent: 0, depth: 0);
            string text = sb.ToString();
            if (!BlockYamlParser.TryParse(text, out var fast)) continue;
            accepted++;
            Yaml.YNode? reference;
            try
            {
                reference = YamlDotNetTree(text);
            }
            catch (Exception e) when (e is YamlException or InvalidOperationException)
            {
                Assert.Fail($"accepted a text YamlDotNet refuses ({e.Message}):\n{text}");
                return;
            }
            var difference = YamlFragment.Difference(fast, reference, "");
            Assert.True(difference is null, $"{difference}\n--- text:\n{text}");
        }
        // The generator must exercise the fast path, not only its refusals.
        Assert.True(accepted > 600, $"only {accepted} of 4000 texts were accepted");
    }

    private static void Block(StringBuilder sb, Random r, int indent, int depth)
    {
        bool sequence = r.Next(3) == 0;
        int entries = 1 + r.Next(4);
        for (int i = 0; i < entries; i++)
        {
            if (r.Next(8) == 0) sb.Append(' ', r.Next(indent + 3)).Append("# note: x\n");
            if (r.Next(10) == 0) sb.Append('\n');
            int at = r.Next(25) == 0 ? indent + 1 : indent; // an occasional odd indentation
            sb.Append(' ', at);
            if (sequence) sb.Append("- ");
            else sb.Append(Key(r)).Append(':');
            Value(sb, r, sequence ? indent + 2 : indent, depth, sequence);
        }
    }

    private static void Value(StringBuilder sb, Random r, int indent, int depth, bool inSequence)
    {
        int kind = depth > 3 ? r.Next(4) : r.Next(9);
        switch (kind)
        {
            case 0: sb.Append(' ').Append(Plain(r)).Append('\n'); break;
            case 1: sb.Append(' ').Append(Quoted(r)).Append(r.Next(6) == 0 ? " # c" : "").Append('\n'); break;
            case 2: sb.Append(r.Next(2) == 0 ? "" : " ").Append('\n'); break; // empty
            case 3: sb.Append(' ').Append(Flow(r, 0, multiLine: r.Next(3) == 0, indent + 2)).Append('\n'); break;
            case 4:
            {
                sb.Append(' ').Append(r.Next(3) switch { 0 => "|", 1 => "|-", _ => "|+" }).Append('\n');
                int lines = 1 + r.Next(3), inner = indent + 2 + (r.Next(6) == 0 ? 1 : 0);
                for (int l = 0; l < lines; l++)
                {
                    if (r.Next(4) == 0) sb.Append('\n');
                    sb.Append(' ', inner + (r.Next(5) == 0 ? 2 : 0)).Append(Plain(r)).Append(r.Next(5) == 0 ? " # kept" : "").Append('\n');
                }
                if (r.Next(3) == 0) sb.Append('\n');
                break;
            }
            case 5 when inSequence:
                // A compact mapping in a sequence item: "- k: v" then more keys at the item's column.
                sb.Append(Key(r)).Append(": ").Append(Plain(r)).Append('\n');
                Block(sb, r, indent, depth + 1);
                break;
            default:
            {
                sb.Append('\n');
                int child = r.Next(4) == 0 && !inSequence ? indent : indent + 2; // non-indented sequences too
                if (child == indent)
                {
                    int items = 1 + r.Next(3);
                    for (int i = 0; i < items; i++)
                    {
                        sb.Append(' ', indent).Append("- ");
                        Value(sb, r, indent + 2, depth + 1, inSequence: true);
                    }
                }
                else
                {
                    Block(sb, r, child, depth + 1);
                }
                break;
            }
        }
    }

    private static string Key(Random r) => r.Next(6) switch
    {
        0 => Quoted(r),
        1 => "sidecar.istio.io/status",
        _ => Words[r.Next(Words.Length)] is { Length: > 0 } w && !w.Contains(' ') ? w : "k",
    };

    private static string Plain(Random r) => Words[r.Next(Words.Length)] + (r.Next(4) == 0 ? " " + Words[r.Next(Words.Length)] : "");

    private static string Quoted(Random r)
    {
        var w = Words[r.Next(Words.Length)];
        return r.Next(3) switch
        {
            0 => "'" + w.Replace("'", "''") + "'",
            1 => "\"" + w.Replace("\\", "\\\\").Replace("\"", "\\\"") + (r.Next(4) == 0 ? "\\u00e9\\n\\t\\x41" : "") + "\"",
            _ => "\"" + w + "\"", // raw: a backslash or quote inside may break it
        };
    }

    private static string Flow(Random r, int depth, bool multiLine, int indent)
    {
        string sep = multiLine ? "\n" + new string(' ', indent) : " ";
        int n = r.Next(4);
        var items = new List<string>();
        bool mapping = r.Next(2) == 0;
        for (int i = 0; i < n; i++)
        {
            string value = depth < 2 && r.Next(4) == 0 ? Flow(r, depth + 1, false, indent) : r.Next(2) == 0 ? Quoted(r) : Plain(r);
            items.Add(mapping ? Key(r) + (r.Next(8) == 0 ? ":" : ": ") + value : value);
        }
        string body = string.Join("," + sep, items) + (n > 0 && r.Next(3) == 0 ? "," : "");
        string close = r.Next(30) == 0 ? "" : mapping ? "}" : "]"; // an occasional unclosed collection
        return (mapping ? "{" : "[") + (multiLine ? sep : "") + body + (multiLine ? "\n" + new string(' ', Math.Max(0, indent - 2)) : "") + close;
    }

    private static Yaml.YNode? YamlDotNetTree(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var root = new YamlTreeBuilder(parser, null).ReadDocumentBody(out _);
        if (!parser.Accept<StreamEnd>(out _)) throw new InvalidOperationException("more than one document");
        return root;
    }
}
