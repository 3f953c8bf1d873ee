using System.Text;

namespace KubeInject.Cli;

/// <summary>
/// Standard output when several files are written to it one after another: each file's YAML stream is a complete
/// stream, so concatenating two would merge the first document of one into the last document of the other. Before
/// the second and later streams this writes a line break (when missing) and a <c>---</c> separator, unless the
/// stream starts with its own <c>---</c>.
/// </summary>
internal sealed class DocumentSeparatingWriter(TextWriter inner) : TextWriter
{
    private bool _wroteAny;
    private bool _endsWithNewline = true;
    private bool _separatorPending;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Marks the start of another file's stream.</summary>
    public void StartStream() => _separatorPending = _wroteAny;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty) return;
        if (_separatorPending)
        {
            _separatorPending = false;
            if (!_endsWithNewline) inner.Write('\n');
            if (!buffer.StartsWith("---")) inner.Write("---\n");
        }
        inner.Write(buffer);
        _wroteAny = true;
        _endsWithNewline = buffer[^1] == '\n';
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override void Flush() => inner.Flush();
}
