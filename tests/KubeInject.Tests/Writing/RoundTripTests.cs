using KubeInject.Writing;
using static KubeInject.Tests.Writing.WriterTestKit;

namespace KubeInject.Tests.Writing;

/// <summary>Documents nobody changed come out byte for byte as they went in.</summary>
public class RoundTripTests
{
    private const string Deployment = """
        # Header comment of the file
        apiVersion: apps/v1   # inline
        kind: Deployment
        metadata:
          name: web

          labels: {app: web, 'tier': "front"}
        spec:
          template:
            spec:
              containers:
                - name: app     # the app
                  image: "nginx:1.25"
                  args: [--port, '8080']
                  command:
                  - sh
                  - -c
                  - |
                    echo hi

                    echo bye


              # trailing comment of spec
        """;

    public static TheoryData<string, string> Inputs() => new()
    {
        { "empty input", "" },
        { "only a newline", "\n" },
        { "comment only", "# nothing here\n# at all\n" },
        { "comment only without final newline", "# nothing" },
        { "one mapping", "a: 1\n" },
        { "no final newline", "a: 1\nb: [x]" },
        { "deployment with comments and blank lines", Deployment + "\n" },
        { "deployment with CRLF", (Deployment + "\n").ReplaceLineEndings("\r\n") },
        { "BOM", "\uFEFFapiVersion: v1\nkind: Pod\n" },
        { "BOM and CRLF", "\uFEFF# c\r\napiVersion: v1\r\n" },
        { "explicit document end", "a: 1\n...\n---\nb: 2\n...\n" },
        { "empty documents", "---\n---\na: 1\n---\n\n---\n" },
        { "separator with comment", "--- # first\na: 1\n--- # second\nb: 2\n" },
        { "directive", "%YAML 1.1\n---\na: 1\n" },
        { "flow style", "{a: 1, b: [1, 2, {c: d}]}\n" },
        { "anchors and aliases", "base: &base {cpu: 1}\nother: *base\nlist:\n- &item x\n- *item\n" },
        { "block scalars followed by blank lines", "a: |\n  x\n\n\nb: >-\n  folded\n  text\n\n# c\nc: |+\n  keep\n\n" },
        { "JSON document", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"spec\": {\"containers\": []}\n}\n" },
        { "JSON documents in a stream", "{\"a\": 1}\n---\n{\"b\": [true, null]}\n" },
        { "tabs and trailing blanks", "a: 1   \nb:\t2\n" },
        { "tags", "a: !!str 3\nb: !custom {x: 1}\n" },
        { "root sequence", "- a\n- b: 1\n  c: 2\n" },
        { "root scalar", "--- |\n  text\n" },
        { "trailing comments after the last document", "a: 1\n---\nb: 2\n# end\n\n" },
        { "separator inside a block scalar is not a separator", "a: |\n  ---\n  b\n---\nc: 1\n" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_unchanged_stream_is_written_byte_for_byte(string name, string input)
    {
        Assert.NotNull(name);
        Assert.Equal(input, Write(Read(input)));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_document_texts_partition_the_input(string name, string input)
    {
        Assert.NotNull(name);
        Assert.Equal(input, string.Concat(Read(input).Select(d => d.Text)));
    }

    [Fact]
    public void A_parsed_node_can_be_changed_and_changed_back_without_a_trace()
    {
        // Setting a key and removing it again marks the mapping modified; the splice must still reproduce every byte.
        string input = Deployment.ReplaceLineEndings("\r\n") + "\r\n";
        var docs = Read(input);
        var meta = Map(docs[0].Root!, "metadata");
        meta.Set("extra", Yaml.YScalar.String("x"));
        meta.Remove("extra");
        Assert.Equal(input, Write(docs));
    }

    [Fact]
    public void Write_and_ToText_agree()
    {
        var doc = Read("a: 1\n")[0];
        var sw = new StringWriter();
        DocumentWriter.Write(doc, sw);
        Assert.Equal(DocumentWriter.ToText(doc), sw.ToString());
    }
}
