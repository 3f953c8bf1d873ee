using System.Text;

namespace KubeInject.Reading;

/// <summary>
/// A <see cref="TextReader"/> that keeps what the parser has read since the last <see cref="Forget"/>, so a
/// document's exact text can be cut out once the parser has found where the document ends.
/// It also refuses, as they are read, what the writer cannot keep: a carriage return that does not start a CRLF
/// line break, and U+0085, U+2028, U+2029 (YAML 1.1 reads them as line breaks, the writer only knows LF and CRLF),
/// and a document longer
/// than <see cref="Limits.MaxDocumentLength"/>; both throw <see cref="RefusedInputException"/>.
/// </summary>
internal sealed class RecordingReader(TextReader inner) : TextReader
{
    private readonly StringBuilder _kept = new();
    private int _keptStart; // absolute offset of _kept[0]
    private int _forgottenLines; // line breaks before _keptStart

    /// <summary>Absolute offset where the document being read starts (its length is held to the limit).</summary>
    public int DocumentStart { get; set; }

    /// <summary>1-based line and column of an absolute offset not yet forgotten.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        int rel = Math.Clamp(offset - _keptStart, 0, _kept.Length);
        string before = _kept.ToString(0, rel);
        return (_forgottenLines + 1 + before.AsSpan().Count('\n'), rel - (before.LastIndexOf('\n') + 1) + 1);
    }

    // What YamlDotNet reads as a line break besides LF: CR (fine before LF), NEL, LS and PS.
    private static readonly System.Buffers.SearchValues<char> OtherLineBreaks = System.Buffers.SearchValues.Create("\r\u0085\u2028\u2029");

    // Checks characters just appended, the first of them at absolute offset `at`.
    private void Check(ReadOnlySpan<char> appended, int at)
    {
        if (Length - DocumentStart > Limits.MaxDocumentLength)
            throw new RefusedInputException(DocumentStart,
                $"the document is longer than {Limits.MaxDocumentLength:N0} characters (the limit; the Kubernetes API server stores objects of at most about 1.5 MB)");
        int i = appended.IndexOfAny(OtherLineBreaks);
        while (i >= 0)
        {
            char c = appended[i];
            if (c != '\r')
                throw new RefusedInputException(at + i,
                    $"U+{(int)c:X4} ({(c == '\u0085' ? "next line" : c == '\u2028' ? "line separator" : "paragraph separator")}) is a line break to this YAML reader (YAML 1.1) but not to YAML 1.2 readers; write it escaped in a double-quoted string (\\{(c == '\u0085' ? 'N' : c == '\u2028' ? 'L' : 'P')})");
            int next = i + 1 < appended.Length ? appended[i + 1] : inner.Peek();
            if (next != '\n')
                throw new RefusedInputException(at + i,
                    "a carriage return (CR) that is not followed by a line feed: only LF and CRLF line breaks are supported (convert classic Mac CR line breaks first)");
            int j = appended[(i + 1)..].IndexOfAny(OtherLineBreaks);
            i = j < 0 ? -1 : i + 1 + j;
        }
    }

    private static int CountLineBreaks(StringBuilder sb, int count)
    {
        int n = 0;
        foreach (var chunk in sb.GetChunks())
        {
            var span = chunk.Span[..Math.Min(chunk.Length, count)];
            n += span.Count('\n');
            count -= span.Length;
            if (count == 0) break;
        }
        return n;
    }

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
        _forgottenLines += CountLineBreaks(_kept, upTo - _keptStart);
        _kept.Remove(0, upTo - _keptStart);
        _keptStart = upTo;
    }

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        int c = inner.Read();
        if (c >= 0)
        {
            _kept.Append((char)c);
            char ch = (char)c;
            Check(new ReadOnlySpan<char>(in ch), Length - 1);
        }
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int n = inner.Read(buffer);
        _kept.Append(buffer[..n]);
        Check(buffer[..n], Length - n);
        return n;
    }

    public override int ReadBlock(Span<char> buffer)
    {
        int n = inner.ReadBlock(buffer);
        _kept.Append(buffer[..n]);
        Check(buffer[..n], Length - n);
        return n;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));

    public override string ReadToEnd()
    {
        string rest = inner.ReadToEnd();
        _kept.Append(rest);
        Check(rest, Length - rest.Length);
        return rest;
    }

    public override string? ReadLine() => throw new NotSupportedException("the YAML scanner reads characters");
}

/// <summary>Input the reader refuses (see <see cref="RecordingReader"/>), at an absolute offset.</summary>
internal sealed class RefusedInputException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
