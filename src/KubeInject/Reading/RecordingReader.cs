using System.Text;

namespace KubeInject.Reading;

/// <summary>
/// A <see cref="TextReader"/> that keeps what the parser has read since the last <see cref="Forget"/>, so a
/// document's exact text can be cut out once the parser has found where the document ends.
/// </summary>
internal sealed class RecordingReader(TextReader inner) : TextReader
{
    private readonly StringBuilder _kept = new();
    private int _keptStart; // absolute offset of _kept[0]

    /// <summary>Characters read so far (a skipped byte-order mark included).</summary>
    public int Length => _keptStart + _kept.Length;

    /// <summary>Consumes a leading U+FEFF (keeping it in the text) so the parser does not see it.</summary>
    public bool SkipByteOrderMark()
    {
        if (inner.Peek() != '\uFEFF') return false;
        _kept.Append((char)inner.Read());
        return true;
    }

    /// <summary>The text between two absolute offsets, neither before the last <see cref="Forget"/>.</summary>
    public string Slice(int start, int end) => _kept.ToString(start - _keptStart, end - start);

    /// <summary>The character at an absolute offset, or U+0000 when it has not been read (or was forgotten).</summary>
    public char CharAt(int offset) => offset >= _keptStart && offset - _keptStart < _kept.Length ? _kept[offset - _keptStart] : '\0';

    /// <summary>Drops the text before an absolute offset.</summary>
    public void Forget(int upTo)
    {
        _kept.Remove(0, upTo - _keptStart);
        _keptStart = upTo;
    }

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        int c = inner.Read();
        if (c >= 0) _kept.Append((char)c);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int n = inner.Read(buffer);
        _kept.Append(buffer[..n]);
        return n;
    }

    public override int ReadBlock(Span<char> buffer)
    {
        int n = inner.ReadBlock(buffer);
        _kept.Append(buffer[..n]);
        return n;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));

    public override string ReadToEnd()
    {
        string rest = inner.ReadToEnd();
        _kept.Append(rest);
        return rest;
    }

    public override string? ReadLine() => throw new NotSupportedException("the YAML scanner reads characters");
}
