using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Reading;

public class ManifestReaderTests
{
    private static List<ManifestDocument> Read(string text) => ManifestReader.Read(text, "f.yaml").ToList();

    public class Documents
    {
        [Fact]
        public void Each_document_has_its_index_first_line_and_text()
        {
            var docs = Read("# head\na: 1\n---\nb: 2\n...\n---\nc: 3\n# tail\n");
            Assert.Equal([0, 1, 2], docs.Select(d => d.Index));
            Assert.Equal("# head\na: 1\n", docs[0].Text);
            Assert.StartsWith("---\nb: 2\n", docs[1].Text);
            Assert.EndsWith("c: 3\n# tail\n", docs[2].Text);
            Assert.Equal(1, docs[0].Line);
            Assert.Equal(3, docs[1].Line);
        }

        [Fact]
        public void Empty_and_comment_only_documents_have_no_root()
        {
            var docs = Read("---\n# only a comment\n---\na: 1\n");
            Assert.Null(docs[0].Root);
            Assert.NotNull(docs[1].Root);
        }

        [Fact]
        public void Comment_only_input_is_one_document_without_root()
        {
            var doc = Assert.Single(Read("# nothing\n"));
            Assert.Null(doc.Root);
            Assert.Equal("# nothing\n", doc.Text);
        }

        [Fact]
        public void Empty_input_has_no_documents() => Assert.Empty(Read(""));

        [Fact]
        public void A_JSON_document_is_a_flow_mapping_with_quoted_keys()
        {
            var root = (YMapping)Read("{\"kind\": \"Pod\", \"n\": 1}")[0].Root!;
            Assert.True(root.IsFlow);
            Assert.Equal("Pod", ((YScalar)root["kind"]!).Value);
            Assert.Equal(ScalarKind.Int, ((YScalar)root["n"]!).Kind);
        }
    }

    public class Errors
    {
        private static KubeInjectException Error(string text) => Assert.Throws<KubeInjectException>(() => Read(text));

        [Fact]
        public void A_syntax_error_names_file_line_column_and_document()
        {
            var e = Error("a: 1\n---\nb: 1\nc: \"open\n");
            Assert.Equal(new SourceLocation("f.yaml", 1, 4, 4), e.Location);
            Assert.Equal(ErrorKind.BadInput, e.Kind);
            Assert.StartsWith("f.yaml:4:4 (document 2): invalid YAML: ", e.ToString());
            Assert.DoesNotContain("Line:", e.Message);
        }

        [Fact]
        public void A_bad_indentation_is_reported_where_the_parser_noticed_it()
        {
            var e = Error("k: v\n  bad: indent\n");
            Assert.Equal(0, e.Location!.Document);
            Assert.Equal(2, e.Location.Line);
        }

        [Fact]
        public void An_unclosed_flow_sequence_is_reported()
        {
            Assert.Equal(2, Error("a: [1, 2\n").Location!.Line);
        }

        [Fact]
        public void An_unknown_alias_is_reported_at_the_alias()
        {
            var e = Error("a: *nope\n");
            Assert.Equal(new SourceLocation("f.yaml", 0, 1, 4), e.Location);
            Assert.Contains("*nope", e.Message);
        }

        [Fact]
        public void A_non_scalar_key_is_refused()
        {
            Assert.Contains("key must be a scalar", Error("[a]: 1\n").Message);
        }
    }
}
