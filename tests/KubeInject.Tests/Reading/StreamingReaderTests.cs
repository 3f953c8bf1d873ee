using KubeInject.Reading;

namespace KubeInject.Tests.Reading;

/// <summary>Reading from a stream: documents come one at a time, and are the same documents a string gives.</summary>
public sealed class StreamingReaderTests
{
    /// <summary>An endless stream of ConfigMaps that counts how many characters were asked of it.</summary>
    private sealed class EndlessManifests : TextReader
    {
        private string _current = "";
        private int _position;
        private int _documents;

        public long CharactersRead { get; private set; }

        public override int Peek() => Fill() ? _current[_position] : -1;

        public override int Read()
        {
            if (!Fill()) return -1;
            CharactersRead++;
            return _current[_position++];
        }

        public override int Read(Span<char> buffer)
        {
            int n = 0;
            while (n < buffer.Length && Fill())
            {
                buffer[n++] = _current[_position++];
                CharactersRead++;
            }
            return n;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        private bool Fill()
        {
            if (_position < _current.Length) return true;
            _current = $"---\n# document {_documents}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{_documents}\ndata: {{a: \"1\"}}\n";
            _documents++;
            _position = 0;
            return true;
        }
    }

    [Fact]
    public void Documents_are_read_one_at_a_time_from_an_endless_stream()
    {
        var input = new EndlessManifests();
        var first = ManifestReader.Read(input, "endless.yaml").Take(3).ToList();

        Assert.Equal(["c0", "c1", "c2"], first.Select(d => ((Yaml.YScalar)((Yaml.YMapping)((Yaml.YMapping)d.Root!)["metadata"]!)["name"]!).Value));
        Assert.Equal("---\n# document 1\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\ndata: {a: \"1\"}\n", first[1].Text);
        Assert.Equal(8, first[1].Line);
        // Three documents, the one after them (to know where the third ends) and the parser's read-ahead
        // (YamlDotNet fills a 1,024-character buffer): a bound that does not grow with the stream.
        Assert.True(input.CharactersRead <= 4 * 80 + 1024, $"read {input.CharactersRead} characters for 3 documents");
    }

    public static TheoryData<string, string> Inputs() => new()
    {
        { "plain", "a: 1\n---\nb: 2\n" },
        { "bom, crlf, comments, end markers", "\uFEFF# head\r\napiVersion: v1\r\nkind: List\r\n...\r\n--- # second\r\nitems: [a, {b: c}]\r\n# trailing\r\n" },
        { "flow root and trailing text", "{\"a\": [1, 2]}\n\n# after\n---\n[x]\n" },
        { "comment only", "# nothing here\n\n" },
        { "literal with a separator inside", "s: |\n  ---\n  not a separator\n---\nt: 1" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_stream_gives_the_documents_a_string_gives(string what, string text)
    {
        var fromString = ManifestReader.Read(text, "f.yaml").ToList();
        var fromStream = ManifestReader.Read(new StringReader(text), "f.yaml").ToList();
        Assert.Equal(fromString.Select(d => (d.Index, d.Line, d.Text)), fromStream.Select(d => (d.Index, d.Line, d.Text)));
        Assert.Equal(text, string.Concat(fromStream.Select(d => d.Text)));
        for (int i = 0; i < fromString.Count; i++)
            Assert.True(fromString[i].Root?.SemanticEquals(fromStream[i].Root) ?? fromStream[i].Root is null, $"{what}: document {i}");
    }
}

/// <summary>The reader tells the writer which documents use anchors or aliases (only those need a read-back check).</summary>
public sealed class AnchorDetectionTests
{
    [Theory]
    [InlineData("a: &x 1\nb: *x\n", true)]
    [InlineData("base: &b {k: v}\n", true)]
    [InlineData("args: [\"*\", \"-i\", \"&\"]\nglob: '*'\n", false)]
    [InlineData("plain: a*b&c\n", false)]
    public void Anchors_and_aliases_are_seen_by_the_parser_not_by_a_character_search(string text, bool expected)
    {
        var docs = ManifestReader.Read(text, "f.yaml").ToList();
        Assert.Equal(expected, Assert.Single(docs).HasAnchorsOrAliases);
    }

    [Fact]
    public void Each_document_is_judged_on_its_own()
    {
        var docs = ManifestReader.Read("a: &x 1\nb: *x\n---\nc: '*'\n", "f.yaml").ToList();
        Assert.Equal([true, false], docs.Select(d => d.HasAnchorsOrAliases));
    }
}
