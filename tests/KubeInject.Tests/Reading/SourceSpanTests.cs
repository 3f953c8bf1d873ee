using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Reading;

/// <summary>The spans the writer relies on: where each kind of node starts and ends in the input.</summary>
public class SourceSpanTests
{
    private static YMapping Root(string text) => (YMapping)ManifestReader.Read(text, "t.yaml").First().Root!;

    private static string Slice(YNode node) => node.Source!.Slice();

    [Fact]
    public void A_quoted_scalar_spans_its_quotes()
    {
        var root = Root("a: \"x\"\nb: 'y' # c\n");
        Assert.Equal("\"x\"", Slice(root["a"]!));
        Assert.Equal("'y'", Slice(root["b"]!));
        Assert.Equal("a", Slice(root.Entries[0].Key));
    }

    [Fact]
    public void A_block_scalar_spans_its_header_through_the_line_break_of_its_last_line_and_following_blank_lines()
    {
        var root = Root("a: |\n  x\n\n  # not a comment\nb: >-\n  y\n\n# comment\nc: 1\n");
        Assert.Equal("|\n  x\n\n  # not a comment\n", Slice(root["a"]!));
        Assert.Equal(">-\n  y\n\n", Slice(root["b"]!));
    }

    [Fact]
    public void A_block_scalar_at_the_end_of_the_input_ends_there()
    {
        Assert.Equal("|\n  x", Slice(Root("a: |\n  x")["a"]!));
    }

    [Fact]
    public void A_block_mapping_spans_its_first_key_to_the_end_of_its_last_value()
    {
        var root = Root("outer:\n  # lead\n  a: 1\n  b: 2 # tail\n\nnext: 3\n");
        Assert.Equal("a: 1\n  b: 2", Slice(root["outer"]!));
        Assert.Equal("outer:\n  # lead\n  a: 1\n  b: 2 # tail\n\nnext: 3", Slice(root));
    }

    [Fact]
    public void A_block_sequence_spans_its_first_dash_to_the_end_of_its_last_item()
    {
        var root = Root("a:\n- x\n- y # c\nb:\n  - z\n");
        Assert.Equal("- x\n- y", Slice(root["a"]!));
        Assert.Equal("- z", Slice(root["b"]!));
        Assert.Equal("x", Slice(((YSequence)root["a"]!)[0]));
    }

    [Fact]
    public void A_mapping_item_starts_at_its_first_key_after_the_dash()
    {
        var seq = (YSequence)Root("l:\n- name: a\n  image: b\n-\n  k: v\n")["l"]!;
        Assert.Equal("name: a\n  image: b", Slice(seq[0]));
        Assert.Equal("k: v", Slice(seq[1]));
    }

    [Fact]
    public void Flow_collections_span_their_brackets()
    {
        var root = Root("m: {a: 1, b: [1, 2]} # c\ne: {}\n");
        Assert.Equal("{a: 1, b: [1, 2]}", Slice(root["m"]!));
        Assert.Equal("[1, 2]", Slice(((YMapping)root["m"]!)["b"]!));
        Assert.Equal("{}", Slice(root["e"]!));
    }

    [Fact]
    public void Anchors_and_tags_are_part_of_the_span_and_an_alias_spans_its_star()
    {
        var root = Root("a: &x\n  b: 1\nc: !t {d: 2}\ne: *x\nf: !!str 3\n");
        Assert.Equal("&x\n  b: 1", Slice(root["a"]!));
        Assert.Equal("!t {d: 2}", Slice(root["c"]!));
        Assert.Equal("*x", Slice(root["e"]!));
        Assert.Equal("!!str 3", Slice(root["f"]!));
        Assert.True(root["a"]!.SemanticEquals(root["e"]));
    }

    [Fact]
    public void An_empty_value_is_an_empty_span_after_the_colon()
    {
        var root = Root("e:   # c\nf: 1\n");
        Assert.Equal(2, root["e"]!.Source!.Start);
        Assert.Equal("", Slice(root["e"]!));
        Assert.Equal(ScalarKind.Null, ((YScalar)root["e"]!).Kind);
    }

    [Fact]
    public void A_byte_order_mark_is_neither_part_of_the_first_key_nor_counted_as_a_column()
    {
        var root = Root("\uFEFFapiVersion: v1\nkind: Pod\n");
        Assert.Equal("apiVersion", root.Entries[0].Name);
        Assert.Equal(1, root.Entries[0].Key.Source!.Start);
        Assert.Equal(1, root.Entries[0].Key.Column);
        Assert.Equal(13, root["apiVersion"]!.Column);
    }

    [Fact]
    public void A_comment_right_after_a_byte_order_mark_is_a_comment()
    {
        var docs = ManifestReader.Read("\uFEFF# c\r\na: 1\r\n", "t.yaml").ToList();
        Assert.Equal("1", ((YScalar)((YMapping)docs.Single().Root!)["a"]!).Value);
    }

    [Fact]
    public void Lines_and_columns_are_one_based_and_count_from_the_start_of_the_file()
    {
        var docs = ManifestReader.Read("a: 1\n---\n# c\nb:\n  c: x\n", "t.yaml").ToList();
        var c = ((YMapping)((YMapping)docs[1].Root!)["b"]!)["c"]!;
        Assert.Equal(5, c.Line);
        Assert.Equal(6, c.Column);
        Assert.Equal(1, docs[0].Root!.Line);
    }

    [Fact]
    public void Created_nodes_have_no_position()
    {
        Assert.Equal(0, YScalar.String("x").Line);
        Assert.Equal(0, new YMapping().Column);
    }

    [Fact]
    public void Offsets_count_CR_characters()
    {
        var root = Root("a: 1\r\nb: 2\r\n");
        Assert.Equal(6, root.Entries[1].Key.Source!.Start);
    }
}
