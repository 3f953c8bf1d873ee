using System.Globalization;
using System.Text;
using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>
/// Writes scalars that have no source text to copy (created by injection, or moved where their old text
/// does not fit). The quoting policy is go-yaml's (what <c>istioctl kube-inject</c> and kubectl print), so our
/// lines match theirs, and every emitted scalar reads back with the same kind and value under YAML 1.1
/// (Kubernetes' go-yaml v2, PyYAML) and 1.2:
/// <list type="bullet">
/// <item>null, bool, int and float scalars are plain (<c>15020</c>, <c>true</c>);</item>
/// <item>a one-line string is plain when it can be; one that would read as another type (<c>"15020"</c>,
/// <c>"true"</c>, <c>"yes"</c>, <c>""</c>, <c>"null"</c>, <c>"1e3"</c>, dates) is double-quoted; one that cannot be
/// plain for syntax (leading indicator such as <c>{</c> or <c>*</c>, <c>": "</c> or <c>" #"</c> inside, surrounding
/// blanks) is single-quoted (<c>'{"a":1}'</c>: no escapes needed), or double-quoted with escapes when it holds
/// control characters;</item>
/// <item>a multi-line string is a literal block (<c>|</c>, <c>|-</c>, <c>|+</c> by its trailing line breaks, with an
/// indentation indicator when it starts with a blank or an empty line), or double-quoted when a line has trailing
/// blanks (a literal block cannot keep them visibly) or it holds control characters;</item>
/// <item>a created scalar's <see cref="ScalarStyle"/> is a wish: <see cref="ScalarStyle.DoubleQuoted"/> means "a
/// string, writer's choice" since that is what <see cref="YScalar.String"/> produces; <see cref="ScalarStyle.SingleQuoted"/>
/// is kept when no escape is needed; <see cref="ScalarStyle.Folded"/> is written as a literal block.</item>
/// </list>
/// </summary>
internal static class ScalarFormatter
{
    /// <summary>A mapping key: plain when that reads back as the same string, else quoted as a one-line string.</summary>
    public static string Key(string name) => name.Contains('\n') ? DoubleQuote(name) : OneLine(name);

    /// <summary>
    /// The scalar's text for the position after <c>key:</c> or <c>- </c> (without the separating blank).
    /// A block scalar's result is its header, a line break and its content lines, each indented to
    /// <paramref name="contentColumn"/> and ending with <paramref name="newLine"/>; any other result is one line
    /// without a line break. An empty result means "nothing" (an empty plain null).
    /// </summary>
    /// <param name="scalar">The scalar.</param>
    /// <param name="parentColumn">Column of the key or dash the scalar belongs to (for the indentation indicator).</param>
    /// <param name="contentColumn">Column of a block scalar's content lines.</param>
    /// <param name="newLine">The document's line break.</param>
    public static string Value(YScalar scalar, int parentColumn, int contentColumn, string newLine)
    {
        string v = scalar.Value;
        if (scalar.Kind != ScalarKind.String) return NonString(scalar);
        if (scalar.Style == ScalarStyle.SingleQuoted && CanSingleQuote(v)) return "'" + v.Replace("'", "''") + "'";
        if (scalar.Style == ScalarStyle.DoubleQuoted && scalar.KeepsQuoting) return DoubleQuote(v);
        if (v.Contains('\n'))
            return CanLiteral(v) ? Literal(v, parentColumn, contentColumn, newLine) : DoubleQuote(v);
        return OneLine(v);
    }

    // Plain if possible; a look-alike of another type double-quoted (as go-yaml marks them); otherwise single
    // quotes when they need no escape, else double quotes.
    private static string OneLine(string v)
    {
        if (!NeedsQuotes(v)) return v;
        if (v.Length == 0 || ScalarResolver.LooksLikeNonString(v) || !CanSingleQuote(v)) return DoubleQuote(v);
        return "'" + v.Replace("'", "''") + "'";
    }

    /// <summary>True when a one-line string cannot be written plain and read back as the same string.</summary>
    public static bool NeedsQuotes(string v)
    {
        if (v.Length == 0 || ScalarResolver.LooksLikeNonString(v)) return true;
        if (v is "<<" or "=" || v.StartsWith("---", StringComparison.Ordinal) || v.StartsWith("...", StringComparison.Ordinal)) return true;
        char first = v[0];
        if ("?:,[]{}#&*!|>'\"%@`".Contains(first)) return true;
        if (first == '-' && (v.Length == 1 || v[1] is ' ' or '\t')) return true;
        if (char.IsWhiteSpace(first) || char.IsWhiteSpace(v[^1]) || v[^1] == ':') return true;
        if (v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal) || v.Contains(":\t", StringComparison.Ordinal)) return true;
        return !AllPrintable(v, allowTab: false, allowNewLine: false);
    }

    /// <summary>A double-quoted scalar with YAML escapes; reads back as exactly <paramref name="v"/>.</summary>
    public static string DoubleQuote(string v)
    {
        var sb = new StringBuilder(v.Length + 2).Append('"');
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < v.Length && char.IsLowSurrogate(v[i + 1])) { sb.Append(c).Append(v[++i]); }
                    else if (!IsPrintable(c)) sb.Append(c <= 0xFF ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static string NonString(YScalar s)
    {
        // A created non-string that is spelled so plain reading gives its kind is written as is; otherwise
        // (e.g. new YScalar("3", DoubleQuoted, "!!int")) its tag has to travel with it.
        if (ScalarResolver.ResolvePlain(s.Value) == s.Kind && !s.Value.Contains('\n')) return s.Value;
        string tag = s.Kind switch
        {
            ScalarKind.Null => "!!null",
            ScalarKind.Bool => "!!bool",
            ScalarKind.Int => "!!int",
            _ => "!!float",
        };
        return tag + " " + DoubleQuote(s.Value);
    }

    private static bool CanSingleQuote(string v) => AllPrintable(v, allowTab: false, allowNewLine: false);

    private static bool CanLiteral(string v)
    {
        if (!AllPrintable(v, allowTab: true, allowNewLine: true) || v.Trim('\n').Length == 0) return false;
        foreach (var line in v.Split('\n'))
            if (line.Length > 0 && line[^1] is ' ' or '\t') return false;
        // A tab opening the first line would be read as part of the indentation by some parsers.
        return v[0] != '\t';
    }

    private static string Literal(string v, int parentColumn, int contentColumn, string newLine)
    {
        string core = v.TrimEnd('\n');
        int trailing = v.Length - core.Length;
        var sb = new StringBuilder("|");
        // Content indentation is detected from the first non-empty line; a leading blank or empty line needs it spelled out.
        if (core.Length > 0 && core[0] is ' ' or '\n')
            sb.Append((contentColumn - parentColumn).ToString(CultureInfo.InvariantCulture));
        sb.Append(trailing switch { 0 => "-", 1 => "", _ => "+" });
        sb.Append(newLine);
        string pad = new(' ', contentColumn);
        foreach (var line in core.Split('\n'))
        {
            if (line.Length > 0) sb.Append(pad).Append(line);
            sb.Append(newLine);
        }
        for (int i = 1; i < trailing; i++) sb.Append(newLine);
        return sb.ToString();
    }

    // Printable characters only; a surrogate pair (emoji) counts as printable, a lone surrogate does not.
    private static bool AllPrintable(string v, bool allowTab, bool allowNewLine)
    {
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (c == '\t') { if (!allowTab) return false; continue; }
            if (c == '\n') { if (!allowNewLine) return false; continue; }
            if (c == '\r') return false;
            if (char.IsHighSurrogate(c) && i + 1 < v.Length && char.IsLowSurrogate(v[i + 1])) { i++; continue; }
            if (!IsPrintable(c)) return false;
        }
        return true;
    }

    // YAML's printable set (c-printable) minus the line breaks YAML 1.1 also treats as breaks (NEL, LS, PS).
    private static bool IsPrintable(char c) =>
        c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF && c is not ('\u2028' or '\u2029')
        || c >= 0xE000 && c <= 0xFFFD && c != '\uFEFF';
}
