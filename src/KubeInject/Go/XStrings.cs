using System.Text;

namespace KubeInject.Go;

/// <summary>
/// The case converters of github.com/huandu/xstrings v1.5.0 (convert.go) that sprig v3.3.0 registers:
/// <c>ToPascalCase</c> (sprig's <c>camelcase</c>), <c>ToSnakeCase</c> and <c>ToKebabCase</c>. Words are split as
/// xstrings splits them: runs of connectors (<c>-</c>, <c>_</c>, white space), of punctuation, of digits, of
/// letters starting with one capital, and of capitals (the last one starting the next word when a lower-case letter
/// follows, so <c>HTTPServer</c> is <c>HTTP</c> + <c>Server</c>).
/// </summary>
internal static class XStrings
{
    private enum WordType { Invalid, Number, UpperCase, Alphabet, Connector, Punct, Other }

    /// <summary>xstrings' <c>ToPascalCase</c>: <c>http_server</c> → <c>HttpServer</c>, <c>GOLANG_IS_GREAT</c> → <c>GolangIsGreat</c>.</summary>
    public static string ToPascalCase(string str)
    {
        if (str.Length == 0) return "";
        var runes = str.EnumerateRunes().ToArray();
        var buf = new StringBuilder(str.Length);
        int i = 0;
        Rune r0 = default, r1;
        bool isFirstRuneUpper = false;
        // Leading connectors are kept.
        while (i < runes.Length)
        {
            r0 = runes[i++];
            if (!IsConnector(r0))
            {
                isFirstRuneUpper = Rune.IsUpper(r0);
                r0 = Rune.ToUpperInvariant(r0);
                break;
            }
            buf.Append(r0.ToString());
        }
        if (i == runes.Length)
        {
            // As xstrings does, the last rune is written here even when it was a connector written above ("_" → "__").
            buf.Append(r0.ToString());
            return buf.ToString();
        }
        while (i < runes.Length)
        {
            r1 = r0;
            r0 = runes[i++];
            if (IsConnector(r0) && IsConnector(r1))
            {
                buf.Append(r1.ToString());
                continue;
            }
            if (IsConnector(r1))
            {
                isFirstRuneUpper = Rune.IsUpper(r0);
                r0 = Rune.ToUpperInvariant(r0);
            }
            else
            {
                if (isFirstRuneUpper)
                {
                    if (Rune.IsUpper(r0)) r0 = Rune.ToLowerInvariant(r0);
                    else isFirstRuneUpper = false;
                }
                buf.Append(r1.ToString());
            }
        }
        buf.Append(r0.ToString());
        return buf.ToString();
    }

    /// <summary>xstrings' <c>ToSnakeCase</c>: <c>HTTPServer</c> → <c>http_server</c>, <c>HTTP20xOK</c> → <c>http_20x_ok</c>.</summary>
    public static string ToSnakeCase(string str) => CamelCaseToLowerCase(str, new Rune('_'));

    /// <summary>xstrings' <c>ToKebabCase</c>: <c>HTTPServer</c> → <c>http-server</c>.</summary>
    public static string ToKebabCase(string str) => CamelCaseToLowerCase(str, new Rune('-'));

    private static string CamelCaseToLowerCase(string str, Rune connector)
    {
        if (str.Length == 0) return "";
        var runes = str.EnumerateRunes().ToArray();
        var buf = new StringBuilder(str.Length + 4);
        int pos = 0;
        var (wt, word) = NextWord(runes, ref pos);
        while (pos < runes.Length)
        {
            if (wt != WordType.Connector) ToLower(buf, wt, word, connector);
            var prev = wt;
            var last = word;
            (wt, word) = NextWord(runes, ref pos);
            switch (prev)
            {
                case WordType.Number:
                    while (wt is WordType.Alphabet or WordType.Number)
                    {
                        ToLower(buf, wt, word, connector);
                        (wt, word) = NextWord(runes, ref pos);
                    }
                    if (wt is not WordType.Invalid and not WordType.Punct and not WordType.Connector) buf.Append(connector.ToString());
                    break;
                case WordType.Connector:
                    ToLower(buf, prev, last, connector);
                    break;
                case WordType.Punct:
                    break;
                default:
                    if (wt != WordType.Number)
                    {
                        if (wt is not WordType.Connector and not WordType.Punct) buf.Append(connector.ToString());
                        break;
                    }
                    if (pos >= runes.Length) break;
                    var number = word;
                    (wt, word) = NextWord(runes, ref pos);
                    // A number is part of the word before it ("Bld4Floor" → "bld4_floor") …
                    if (wt != WordType.Alphabet)
                    {
                        ToLower(buf, WordType.Number, number, connector);
                        if (wt is not WordType.Connector and not WordType.Punct) buf.Append(connector.ToString());
                        break;
                    }
                    // … unless lower-case letters follow it ("HTTP2xx" → "http_2xx").
                    buf.Append(connector.ToString());
                    ToLower(buf, WordType.Number, number, connector);
                    while (wt is WordType.Alphabet or WordType.Number)
                    {
                        ToLower(buf, wt, word, connector);
                        (wt, word) = NextWord(runes, ref pos);
                    }
                    if (wt is not WordType.Invalid and not WordType.Connector and not WordType.Punct) buf.Append(connector.ToString());
                    break;
            }
        }
        ToLower(buf, wt, word, connector);
        return buf.ToString();
    }

    // The next word from pos (advanced past it): its type and runes.
    private static (WordType Type, ArraySegment<Rune> Word) NextWord(Rune[] runes, ref int pos)
    {
        int start = pos;
        if (pos >= runes.Length) return (WordType.Invalid, new ArraySegment<Rune>(runes, start, 0));
        var r = runes[pos++];
        WordType wt;
        if (IsConnector(r))
        {
            wt = WordType.Connector;
            while (pos < runes.Length && IsConnector(runes[pos])) pos++;
        }
        else if (Rune.IsPunctuation(r))
        {
            wt = WordType.Punct;
            while (pos < runes.Length && Rune.IsPunctuation(runes[pos])) pos++;
        }
        else if (Rune.IsUpper(r))
        {
            wt = WordType.UpperCase;
            if (pos < runes.Length)
            {
                if (Rune.IsUpper(runes[pos]))
                {
                    pos++;
                    while (pos < runes.Length && Rune.IsUpper(runes[pos])) pos++;
                    // "HTTPStatus" is "HTTP" and "Status": the last capital starts the next word.
                    if (pos < runes.Length && IsAlphabet(runes[pos])) pos--;
                }
                else if (IsAlphabet(runes[pos]))
                {
                    pos++;
                    while (pos < runes.Length && IsAlphabet(runes[pos]) && !Rune.IsUpper(runes[pos])) pos++;
                }
            }
        }
        else if (IsAlphabet(r))
        {
            wt = WordType.Alphabet;
            while (pos < runes.Length && IsAlphabet(runes[pos]) && !Rune.IsUpper(runes[pos])) pos++;
        }
        else if (Rune.IsNumber(r))
        {
            wt = WordType.Number;
            while (pos < runes.Length && Rune.IsNumber(runes[pos])) pos++;
        }
        else
        {
            wt = WordType.Other;
            while (pos < runes.Length && !IsConnector(runes[pos]) && !IsAlphabet(runes[pos]) && !Rune.IsNumber(runes[pos]) && !Rune.IsPunctuation(runes[pos])) pos++;
        }
        return (wt, new ArraySegment<Rune>(runes, start, pos - start));
    }

    private static void ToLower(StringBuilder buf, WordType wt, ArraySegment<Rune> word, Rune connector)
    {
        bool convert = wt is WordType.UpperCase or WordType.Connector;
        foreach (var r in word)
        {
            if (!convert) buf.Append(r.ToString());
            else if (IsConnector(r)) buf.Append(connector.ToString());
            else buf.Append(Rune.ToLowerInvariant(r).ToString());
        }
    }

    private static bool IsConnector(Rune r) => r.Value is '-' or '_' || Rune.IsWhiteSpace(r);

    // xstrings' isAlphabet: a letter that is not a CJK ideograph.
    private static bool IsAlphabet(Rune r)
    {
        if (!Rune.IsLetter(r)) return false;
        int v = r.Value;
        if (v < 0x3400) return true;
        return !(v is >= 0x4E00 and <= 0x9FCC or >= 0x3400 and <= 0x4D85 or >= 0x20000 and <= 0x2B81D);
    }
}
