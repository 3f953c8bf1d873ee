using System.Text;

namespace KubeInject.Go;

/// <summary>
/// The string functions of github.com/Masterminds/goutils v1.1.1 (stringutils.go, wordutils.go) that sprig registers:
/// <c>abbrev</c>, <c>abbrevboth</c>, <c>initials</c>, <c>untitle</c>, <c>swapcase</c>, <c>nospace</c>, <c>wrap</c>
/// and <c>wrapWith</c>. Several of them walk the UTF-8 bytes, not the characters (lengths, slicing, and in
/// <c>Initials</c> and <c>DeleteWhiteSpace</c> each byte taken as the code point of that number): that is kept, so
/// non-ASCII text comes out as sprig gives it, mangled where sprig mangles it.
/// </summary>
internal static class GoUtils
{
    /// <summary><c>Abbreviate(str, maxWidth)</c>: at most maxWidth bytes, ending in <c>...</c> when cut.</summary>
    public static string Abbreviate(string str, int maxWidth) => AbbreviateFull(str, 0, maxWidth);

    /// <summary>
    /// <c>AbbreviateFull(str, offset, maxWidth)</c>: like <see cref="Abbreviate"/> with the left edge at
    /// <paramref name="offset"/> (<c>...</c> on both sides when both are cut); <c>""</c> for a width goutils refuses.
    /// </summary>
    public static string AbbreviateFull(string str, int offset, int maxWidth)
    {
        if (str.Length == 0) return "";
        var b = Encoding.UTF8.GetBytes(str);
        if (maxWidth < 4) return "";
        if (b.Length <= maxWidth) return str;
        if (offset > b.Length) offset = b.Length;
        if (b.Length - offset < maxWidth - 3) offset = b.Length - (maxWidth - 3);
        const string marker = "...";
        if (offset <= 4) return Utf8(b, 0, maxWidth - 3) + marker;
        if (maxWidth < 7) return "";
        if (offset + maxWidth - 3 < b.Length) return marker + Abbreviate(Utf8(b, offset, b.Length - offset), maxWidth - 3);
        return marker + Utf8(b, b.Length - (maxWidth - 3), maxWidth - 3);
    }

    /// <summary><c>DeleteWhiteSpace</c>: the bytes that are not white space (each byte read as a code point).</summary>
    public static string DeleteWhiteSpace(string str)
    {
        if (str.Length == 0) return str;
        var b = Encoding.UTF8.GetBytes(str);
        var sb = new StringBuilder(b.Length);
        foreach (var x in b)
            if (!IsSpace(x)) sb.Append((char)x);
        // goutils returns the string itself when nothing was deleted; otherwise the bytes as code points.
        return sb.Length == b.Length ? str : sb.ToString();
    }

    /// <summary><c>Initials</c>: the first byte of each white-space separated word, read as a code point.</summary>
    public static string Initials(string str)
    {
        if (str.Length == 0) return str;
        var sb = new StringBuilder();
        bool lastWasGap = true;
        foreach (var x in Encoding.UTF8.GetBytes(str))
        {
            if (IsSpace(x)) lastWasGap = true;
            else if (lastWasGap)
            {
                sb.Append((char)x);
                lastWasGap = false;
            }
        }
        return sb.ToString();
    }

    /// <summary><c>Uncapitalize</c>: the first letter of each white-space separated word in lower case.</summary>
    public static string Uncapitalize(string str)
    {
        if (str.Length == 0) return str;
        var sb = new StringBuilder(str.Length);
        bool next = true;
        foreach (var r in str.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(r))
            {
                next = true;
                sb.Append(r.ToString());
            }
            else if (next)
            {
                sb.Append(Rune.ToLowerInvariant(r).ToString());
                next = false;
            }
            else sb.Append(r.ToString());
        }
        return sb.ToString();
    }

    /// <summary>
    /// goutils' <c>SwapCase</c>: upper and title case to lower; lower case to title case at the start of a word, to
    /// upper case elsewhere (.NET has no title-case mapping: upper case is used, which differs only for the
    /// digraphs ǆ, ǉ, ǌ, ǳ).
    /// </summary>
    public static string SwapCase(string str)
    {
        if (str.Length == 0) return str;
        var sb = new StringBuilder(str.Length);
        bool whitespace = true;
        foreach (var r in str.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(r);
            if (Rune.IsUpper(r) || category == System.Globalization.UnicodeCategory.TitlecaseLetter)
            {
                sb.Append(Rune.ToLowerInvariant(r).ToString());
                whitespace = false;
            }
            else if (Rune.IsLower(r))
            {
                sb.Append(Rune.ToUpperInvariant(r).ToString());
                whitespace = false;
            }
            else
            {
                sb.Append(r.ToString());
                whitespace = Rune.IsWhiteSpace(r);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// <c>WrapCustom(str, wrapLength, newLineStr, wrapLongWords)</c>: breaks the line at spaces so no line passes
    /// wrapLength bytes (a word longer than that is cut only when wrapLongWords); <c>""</c> as newLineStr is <c>\n</c>.
    /// </summary>
    public static string WrapCustom(string str, int wrapLength, string newLineStr, bool wrapLongWords)
    {
        if (str.Length == 0) return "";
        if (newLineStr.Length == 0) newLineStr = "\n";
        if (wrapLength < 1) wrapLength = 1;
        var b = Encoding.UTF8.GetBytes(str);
        var nl = Encoding.UTF8.GetBytes(newLineStr);
        var output = new List<byte>(b.Length + 8);
        int length = b.Length, offset = 0;
        while (length - offset > wrapLength)
        {
            if (b[offset] == ' ')
            {
                offset++;
                continue;
            }
            int end = wrapLength + offset + 1;
            int spaceToWrapAt = Array.LastIndexOf(b, (byte)' ', end - 1, end - offset) is var s and >= 0 ? s : offset - 1;
            if (spaceToWrapAt >= offset)
            {
                // A word that fits.
                output.AddRange(b[offset..spaceToWrapAt]);
                output.AddRange(nl);
                offset = spaceToWrapAt + 1;
            }
            else if (wrapLongWords)
            {
                output.AddRange(b[offset..(wrapLength + offset)]);
                output.AddRange(nl);
                offset += wrapLength;
            }
            else
            {
                // A long word (a URL) runs past the limit to the next space.
                int index = Array.IndexOf(b, (byte)' ', wrapLength + offset);
                if (index >= 0)
                {
                    output.AddRange(b[offset..index]);
                    output.AddRange(nl);
                    offset = index + 1;
                }
                else
                {
                    output.AddRange(b[offset..]);
                    offset = length;
                }
            }
        }
        output.AddRange(b[offset..]);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    // Go's unicode.IsSpace of a byte taken as a code point (so 0x85 and 0xA0, parts of UTF-8 sequences, count).
    private static bool IsSpace(byte b) => b is (byte)' ' or (>= 0x09 and <= 0x0D) or 0x85 or 0xA0;

    private static string Utf8(byte[] b, int start, int count) => Encoding.UTF8.GetString(b, start, count);
}
