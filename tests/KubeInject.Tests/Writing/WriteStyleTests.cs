using KubeInject.Writing;
using static KubeInject.Tests.Writing.WriterTestKit;

namespace KubeInject.Tests.Writing;

public class WriteStyleTests
{
    private static WriteStyle Detect(string text) => WriteStyle.Detect(text, Read(text)[0].Root);

    [Fact]
    public void A_document_without_nesting_gets_the_default_style() => Assert.Equal(WriteStyle.Default, Detect("a: 1\n"));

    [Fact]
    public void CRLF_is_detected_from_the_first_line_break() => Assert.Equal("\r\n", Detect("a: 1\r\nb: 2\r\n").NewLine);

    [Fact]
    public void The_indentation_width_is_that_of_the_first_nested_mapping() => Assert.Equal(4, Detect("a: 1\nb:\n    c: 1\n").Indent);

    [Fact]
    public void Sequences_at_their_keys_column_are_not_indented() => Assert.Equal(0, Detect("a:\n- x\n").SequenceIndent);

    [Fact]
    public void Sequences_deeper_than_their_key_are_indented_by_the_difference() =>
        Assert.Equal(2, Detect("spec:\n  containers:\n    - name: a\n").SequenceIndent);

    [Fact]
    public void Flow_collections_and_root_sequences_say_nothing_about_indentation() =>
        Assert.Equal(WriteStyle.Default, Detect("- a: [1]\n  b: {c: 1}\n"));
}
