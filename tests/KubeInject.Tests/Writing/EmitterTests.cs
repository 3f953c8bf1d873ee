using KubeInject.Yaml;
using static KubeInject.Tests.Writing.WriterTestKit;

namespace KubeInject.Tests.Writing;

/// <summary>Trees built in code are written in block style, Kubernetes layout.</summary>
public class EmitterTests
{
    private static string WriteAsRoot(YNode root, string placeholder = "x: 1\n")
    {
        var docs = Read(placeholder);
        docs[0].Root = root;
        string output = Write(docs);
        AssertStable(output, docs);
        return output;
    }

    [Fact]
    public void A_created_document_uses_two_spaces_and_unindented_sequences()
    {
        var root = NewMap(
            ("apiVersion", "v1"),
            ("kind", "Pod"),
            ("metadata", NewMap(("name", "web"), ("annotations", new YMapping()))),
            ("spec", NewMap(
                ("containers", new YSequence([NewMap(("name", "app"), ("ports", new YSequence([NewMap(("containerPort", 80))]))), NewMap(("name", "b"))])),
                ("volumes", new YSequence()),
                ("matrix", new YSequence([new YSequence([YScalar.Int(1), YScalar.Int(2)]), new YSequence()])))));
        Assert.Equal("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations: {}
            spec:
              containers:
              - name: app
                ports:
                - containerPort: 80
              - name: b
              volumes: []
              matrix:
              - - 1
                - 2
              - []

            """, WriteAsRoot(root));
    }

    [Fact]
    public void A_replaced_root_keeps_the_documents_leading_comments_and_separator()
    {
        Assert.Equal("# head\n---\na: b\n", WriteAsRoot(NewMap(("a", "b")), "# head\n---\nold: 1 # gone\n# trailing\n"));
    }

    [Fact]
    public void Literal_blocks_in_sequences_and_items_are_indented_past_their_dash()
    {
        var root = NewMap(("args", new YSequence([YScalar.String("line1\nline2\n"), NewMap(("script", YScalar.String("a\nb")))])));
        Assert.Equal("args:\n- |\n  line1\n  line2\n- script: |-\n    a\n    b\n", WriteAsRoot(root));
    }

    [Fact]
    public void A_created_root_scalar_and_empty_roots_are_written_alone()
    {
        Assert.Equal("hello\n", WriteAsRoot(YScalar.String("hello")));
        Assert.Equal("{}\n", WriteAsRoot(new YMapping()));
        Assert.Equal("[]\n", WriteAsRoot(new YSequence()));
    }

    [Fact]
    public void The_documents_indentation_width_is_used_for_new_nesting()
    {
        var docs = Read("a:\n    b: 1\n");
        Map(docs[0].Root!, "a").Set("c", NewMap(("d", NewMap(("e", 1)))));
        Assert.Equal("a:\n    b: 1\n    c:\n        d:\n            e: 1\n", Write(docs));
    }

    [Fact]
    public void A_root_parsed_from_another_text_is_copied_with_the_documents_line_breaks()
    {
        var docs = Read("# h\r\nx: 1\r\n");
        docs[0].Root = Read("a: 1 # one\nb:\n  c: 2 # two\n")[0].Root;
        Assert.Equal("# h\r\na: 1\r\nb:\r\n  c: 2 # two\r\n", Write(docs));
    }
}
