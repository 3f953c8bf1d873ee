namespace KubeInject.Writing;

/// <summary>
/// Character-level questions about a source text that the splice writer asks around node spans: where a
/// line starts and ends, which lines are only comments or blank, where a collection's first key really is.
/// All positions are offsets into the text; nothing here allocates more than a slice.
/// </summary>
internal static class SourceScan
{
    /// <summary>Offset of the first character of the line holding <paramref name="pos"/> (a leading BOM is not part of it).</summary>
    public static int LineStart(string text, int pos)
    {
        int i = pos;
        while (i > 0 && text[i - 1] != '\n') i--;
        if (i == 0 && text.Length > 0 && text[0] == '\uFEFF' && pos > 0) i = 1;
        return i;
    }

    /// <summary>0-based column of <paramref name="pos"/> in characters from its line start.</summary>
    public static int Column(string text, int pos) => pos - LineStart(text, pos);

    /// <summary>True when <paramref name="pos"/> is at the start of a line (or the start of the text).</summary>
    public static bool AtLineStart(string text, int pos) => pos == 0 || text[pos - 1] == '\n' || pos == 1 && text[0] == '\uFEFF';

    /// <summary>
    /// Offset just past the end of the line holding <paramref name="pos"/>, newline included; the text's
    /// length when that line has no newline. A position already at a line start is returned as is, so a
    /// block scalar whose span ends after its newline does not swallow the next line.
    /// </summary>
    public static int PastLineEnd(string text, int pos)
    {
        if (pos > 0 && text[pos - 1] == '\n') return pos;
        int nl = text.IndexOf('\n', pos);
        return nl < 0 ? text.Length : nl + 1;
    }

    /// <summary>True when the text between two offsets holds only spaces and tabs.</summary>
    public static bool IsBlank(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (text[i] is not (' ' or '\t')) return false;
        return true;
    }

    /// <summary>
    /// Walks back from a line start over lines that are blank or hold only a comment, never below
    /// <paramref name="bound"/>; returns where those lines begin. They are the leading comments of the line
    /// at <paramref name="lineStart"/>, which travel with it when entries are inserted, removed or moved.
    /// </summary>
    public static int LeadingLinesStart(string text, int lineStart, int bound)
    {
        int start = lineStart;
        while (start > bound)
        {
            int prev = LineStart(text, start - 1);
            if (prev < bound || !IsCommentOrBlankLine(text, prev, start)) break;
            start = prev;
        }
        return start;
    }

    /// <summary>True when the line [from, to) is blank or holds only a comment.</summary>
    public static bool IsCommentOrBlankLine(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF') continue;
            return c == '#';
        }
        return true;
    }

    /// <summary>
    /// Skips a node's properties (<c>&amp;anchor</c>, <c>!tag</c>), whitespace, line breaks and comments from
    /// <paramref name="pos"/>; returns the offset of the first real token (a block collection's first key or dash).
    /// </summary>
    public static int SkipPropertiesAndTrivia(string text, int pos, int limit)
    {
        int i = pos;
        while (i < limit)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n') i++;
            else if (c == '#') { while (i < limit && text[i] != '\n') i++; }
            else if (c is '&' or '!' && (i == pos || text[i - 1] is ' ' or '\t' or '\n'))
            {
                while (i < limit && text[i] is not (' ' or '\t' or '\r' or '\n')) i++;
            }
            else break;
        }
        return i;
    }

    /// <summary>True when the text between a key's end and its value's start is only <c>:</c>, blanks and comments.</summary>
    public static bool IsKeyValueSeparator(string text, int from, int to)
    {
        bool colon = false;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n') continue;
            if (c == ':' && !colon) { colon = true; continue; }
            if (c == '#' && colon) { while (i < to && text[i] != '\n') i++; continue; }
            return false;
        }
        return colon;
    }

    /// <summary>
    /// The <c>-</c> that introduces a block sequence item starting at <paramref name="itemStart"/>: the
    /// closest dash before it with only blanks, line breaks or a comment in between; -1 when there is none.
    /// </summary>
    public static int DashBefore(string text, int itemStart, int bound)
    {
        int i = itemStart - 1;
        while (i >= bound)
        {
            char c = text[i];
            if (c == '-' && (i + 1 >= text.Length || text[i + 1] is ' ' or '\t' or '\r' or '\n')) return i;
            if (c is ' ' or '\t' or '\r' or '\n') { i--; continue; }
            // Possibly the end of a comment after the dash ("- # note"): look for "-" + blank before '#' on this line.
            int ls = LineStart(text, i);
            int hash = text.IndexOf('#', ls, i - ls + 1);
            if (hash < 0) return -1;
            int dash = text.LastIndexOf('-', hash, hash - ls + 1);
            if (dash < ls || !IsBlank(text, dash + 1, hash)) return -1;
            return dash;
        }
        return -1;
    }

    /// <summary>
    /// The comment that trails a single-line value starting at <paramref name="valueStart"/> (blanks before
    /// <c>#</c> included, line break excluded), or "" when there is none or the value does not end on its line.
    /// Used to keep <c>image: old # pinned</c>'s comment when the value is replaced.
    /// </summary>
    public static string TrailingComment(string text, int valueStart)
    {
        int eol = text.IndexOf('\n', valueStart);
        if (eol < 0) eol = text.Length;
        int i = valueStart;
        while (i < eol && text[i] is ' ' or '\t') i++;
        if (i >= eol) return "";
        char q = text[i];
        if (q is '"' or '\'')
        {
            int j = i + 1;
            while (j < eol)
            {
                if (q == '"' && text[j] == '\\') { j += 2; continue; }
                if (text[j] == q)
                {
                    if (q == '\'' && j + 1 < eol && text[j + 1] == '\'') { j += 2; continue; }
                    break;
                }
                j++;
            }
            if (j >= eol) return "";
            i = j + 1;
        }
        else if (q == '#') return Comment(text, valueStart, eol);
        else if (q is '|' or '>' or '{' or '[') return "";
        // Plain scalar or remainder: a comment starts at the first " #".
        for (int j = i; j < eol; j++)
            if (text[j] == '#' && text[j - 1] is ' ' or '\t')
            {
                int k = j;
                while (k > i && text[k - 1] is ' ' or '\t') k--;
                return Comment(text, k, eol);
            }
        return "";
    }

    private static string Comment(string text, int from, int eol)
    {
        int end = eol;
        if (end > from && text[end - 1] == '\r') end--;
        return text[from..end];
    }
}
