using System.Globalization;
using System.Text;
using KubeInject.Yaml;

namespace KubeInject.Rendering;

/// <summary>
/// A fast parser for the YAML that injection templates render: block mappings and sequences indented with
/// spaces, plain / single-quoted / double-quoted one-line scalars, literal block scalars (<c>|</c>, <c>|-</c>,
/// <c>|+</c>), flow collections (over several lines too), comments. Rendering one sidecar makes about 5 KB of
/// YAML per workload, several times the workload itself, and YamlDotNet's general parser was the largest single
/// cost of injection. Anything outside that subset (anchors, tags, folded or multi-line plain scalars, tabs,
/// document markers, and every syntax error) makes <see cref="TryParse"/> return false, and the caller parses
/// with YamlDotNet, which stays the reference: tests run both over every rendered template and compare.
/// </summary>
internal sealed class BlockYamlParser
{
    private readonly string _text;
    private readonly List<(int Start, int End)> _lines = [];
    private int _line; // the first line not consumed yet

    private BlockYamlParser(string text)
    {
        _text = text;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            _lines.Add((start, i));
            start = i + 1;
        }
        if (start < text.Length) _lines.Add((start, text.Length));
    }

    /// <summary>Parses <paramref name="text"/> into a tree of created nodes, as YamlDotNet would; false when the text is outside the subset.</summary>
    public static bool TryParse(string text, out YNode? root)
    {
        root = null;
        if (text.Contains('\r') || text.Contains('\t')) return false;
        try
        {
            root = new BlockYamlParser(text).ParseDocument();
            return true;
        }
        catch (Unsupported)
        {
            root = null;
            return false;
        }
    }

    private YNode? ParseDocument()
    {
        for (int i = 0; i < _lines.Count; i++)
        {
            var line = Line(i);
            if (line.StartsWith("---") || line.StartsWith("...") || line.StartsWith('%')) throw new Unsupported();
        }
        int first = NextContent(0);
        if (first < 0) return null;
        int indent = Indent(first);
        var root = ParseNodeAt(first, indent, -1);
        if (NextContent(_line) >= 0) throw new Unsupported();
        return root is YScalar { Style: ScalarStyle.Plain, Value.Length: 0 } ? null : root;
    }

    // A node whose first character is at (line, col); parentIndent is the indentation of the enclosing
    // collection (-1 at the root): block scalar content and continuation lines must be deeper.
    private YNode ParseNodeAt(int line, int col, int parentIndent)
    {
        if (IsSequenceItem(line, col)) return ParseSequence(line, col);
        if (IsMappingKey(line, col)) return ParseMapping(line, col);
        return ParseInlineValue(line, col, parentIndent);
    }

    private YSequence ParseSequence(int line, int indent)
    {
        var items = new List<YNode>();
        int col = indent;
        while (true)
        {
            int after = SkipSpaces(line, col + 1);
            if (AtLineEndOrComment(line, after))
            {
                int next = NextContent(line + 1);
                if (next >= 0 && Indent(next) > indent)
                {
                    items.Add(ParseNodeAt(next, Indent(next), indent));
                }
                else
                {
                    items.Add(new YScalar(""));
                    _line = line + 1;
                }
            }
            else
            {
                items.Add(ParseNodeAt(line, after, indent));
            }

            int cur = NextContent(_line);
            if (cur < 0 || Indent(cur) < indent) break;
            if (Indent(cur) > indent) throw new Unsupported();
            if (!IsSequenceItem(cur, indent)) break; // the next key of a mapping this sequence is a value of
            line = cur;
            col = indent;
        }
        return new YSequence(items);
    }

    private YMapping ParseMapping(int line, int indent)
    {
        var map = new YMapping();
        int col = indent;
        while (true)
        {
            var (key, afterColon) = ParseKey(line, col);
            int valueCol = SkipSpaces(line, afterColon);
            YNode value;
            if (AtLineEndOrComment(line, valueCol))
            {
                int next = NextContent(line + 1);
                if (next >= 0 && (Indent(next) > indent || (Indent(next) == indent && IsSequenceItem(next, indent))))
                {
                    value = ParseNodeAt(next, Indent(next), indent);
                }
                else
                {
                    value = new YScalar("");
                    _line = line + 1;
                }
            }
            else
            {
                value = ParseInlineValue(line, valueCol, indent);
            }
            map.AddParsed(key, value);

            int cur = NextContent(_line);
            if (cur < 0 || Indent(cur) < indent) break;
            if (Indent(cur) > indent) throw new Unsupported();
            if (IsSequenceItem(cur, indent)) break; // a parent's non-indented sequence, or an error the parent finds
            if (!IsMappingKey(cur, indent)) throw new Unsupported();
            line = cur;
            col = indent;
        }
        return map;
    }

    // A value that starts on the current line after "key: " or "- ".
    private YNode ParseInlineValue(int line, int col, int parentIndent)
    {
        char c = Char(line, col);
        switch (c)
        {
            case '"':
            case '\'':
            {
                var (scalar, end) = ParseQuoted(line, col);
                RequireLineEnd(line, end);
                _line = line + 1;
                return scalar;
            }
            case '|':
                return ParseLiteral(line, col, parentIndent);
            case '[':
            case '{':
            {
                var cursor = new FlowCursor(this, line, col);
                var node = cursor.ParseNode();
                RequireLineEnd(cursor.Line, cursor.Col);
                _line = cursor.Line + 1;
                return node;
            }
            default:
            {
                if (!CanStartPlain(line, col)) throw new Unsupported();
                var text = Line(line)[col..];
                // A ": " would be a nested mapping on one line (an error); " #" a comment. Both are rare: fall back.
                if (text.Contains(": ", StringComparison.Ordinal) || text.EndsWith(':') || text.Contains(" #", StringComparison.Ordinal)) throw new Unsupported();
                _line = line + 1;
                return new YScalar(text.TrimEnd(' ').ToString());
            }
        }
    }

    private YScalar ParseLiteral(int line, int col, int parentIndent)
    {
        int i = col + 1;
        bool strip = false, keep = false;
        if (Char(line, i) == '-') { strip = true; i++; }
        else if (Char(line, i) == '+') { keep = true; i++; }
        RequireLineEnd(line, i);

        int contentIndent = -1;
        for (int l = line + 1; l < _lines.Count; l++)
        {
            var text = Line(l);
            if (text.TrimStart(' ').Length == 0) continue;
            contentIndent = Indent(l);
            break;
        }
        if (contentIndent <= parentIndent || contentIndent < 0) throw new Unsupported(); // empty or odd: rare

        var value = new StringBuilder();
        int blankRun = 0;
        int last = line + 1;
        bool any = false;
        for (; last < _lines.Count; last++)
        {
            var text = Line(last);
            if (text.TrimStart(' ').Length == 0)
            {
                // Spaces beyond the indentation are content, and parsers disagree on leading blank lines with spaces.
                if (text.Length > contentIndent || (!any && text.Length > 0)) throw new Unsupported();
                blankRun++;
                continue;
            }
            if (Indent(last) < contentIndent) break;
            if (any) value.Append('\n');
            value.Append('\n', blankRun);
            blankRun = 0;
            value.Append(text[contentIndent..]);
            any = true;
        }
        if (!strip) value.Append('\n');
        if (keep) value.Append('\n', blankRun);
        _line = last;
        return new YScalar(value.ToString(), ScalarStyle.Literal);
    }

    private (YScalar Key, int AfterColon) ParseKey(int line, int col)
    {
        char c = Char(line, col);
        if (c is '"' or '\'')
        {
            var (key, end) = ParseQuoted(line, col);
            int colon = SkipSpaces(line, end);
            if (Char(line, colon) != ':' || !IsBlankOrEnd(line, colon + 1)) throw new Unsupported();
            return (key, colon + 1);
        }
        if (!CanStartPlain(line, col)) throw new Unsupported();
        var text = Line(line);
        for (int i = col; i < text.Length; i++)
        {
            if (text[i] == '#' && text[i - 1] == ' ') throw new Unsupported();
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
                return (new YScalar(KeyString(text[col..i].TrimEnd(' '))), i + 1);
        }
        throw new Unsupported();
    }

    // The same few dozen keys (name, value, fieldPath, ...) come back in every rendered template: share their
    // strings instead of allocating each again. Bounded, as keys can carry user data (annotation names).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KeyLookup =
        Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string KeyString(ReadOnlySpan<char> key)
    {
        if (KeyLookup.TryGetValue(key, out var shared)) return shared;
        string s = key.ToString();
        if (Keys.Count < 4096) Keys.TryAdd(s, s);
        return s;
    }

    private bool IsMappingKey(int line, int col)
    {
        char c = Char(line, col);
        var text = Line(line);
        if (c is '"' or '\'')
        {
            // A quoted key: the closing quote followed by ':' (quotes inside are escaped, so the scan is simple).
            int i = col + 1;
            while (i < text.Length)
            {
                if (text[i] == c)
                {
                    if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { i += 2; continue; }
                    break;
                }
                if (c == '"' && text[i] == '\\') i++;
                i++;
            }
            int colon = SkipSpaces(line, i + 1);
            return colon < text.Length && text[colon] == ':' && IsBlankOrEnd(line, colon + 1);
        }
        if (!CanStartPlain(line, col)) return false;
        for (int i = col; i < text.Length; i++)
        {
            if (text[i] == '#' && text[i - 1] == ' ') return false;
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' ')) return true;
        }
        return false;
    }

    private (YScalar Scalar, int End) ParseQuoted(int line, int col)
    {
        var text = Line(line);
        char quote = text[col];
        // Most quoted scalars have no escapes: take the text between the quotes as it is.
        int close = text[(col + 1)..].IndexOfAny(quote, '\\');
        if (close >= 0 && text[col + 1 + close] == quote && (quote == '"' || col + 2 + close >= text.Length || text[col + 2 + close] != '\''))
            return (new YScalar(text.Slice(col + 1, close).ToString(), quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted), col + 2 + close);
        var value = new StringBuilder();
        int i = col + 1;
        while (true)
        {
            if (i >= text.Length) throw new Unsupported(); // a quoted scalar over several lines
            char c = text[i];
            if (c == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { value.Append('\''); i += 2; continue; }
                return (new YScalar(value.ToString(), quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted), i + 1);
            }
            if (quote == '"' && c == '\\')
            {
                i = Escape(text, i + 1, value);
                continue;
            }
            value.Append(c);
            i++;
        }
    }

    // YAML's double-quoted escapes; returns the index after the escape.
    private static int Escape(ReadOnlySpan<char> text, int i, StringBuilder value)
    {
        if (i >= text.Length) throw new Unsupported(); // an escaped line break
        char e = text[i];
        switch (e)
        {
            case '0': value.Append('\0'); return i + 1;
            case 'a': value.Append('\a'); return i + 1;
            case 'b': value.Append('\b'); return i + 1;
            case 't': value.Append('\t'); return i + 1;
            case 'n': value.Append('\n'); return i + 1;
            case 'v': value.Append('\v'); return i + 1;
            case 'f': value.Append('\f'); return i + 1;
            case 'r': value.Append('\r'); return i + 1;
            case 'e': value.Append('\x1b'); return i + 1;
            case ' ': value.Append(' '); return i + 1;
            case '"': value.Append('"'); return i + 1;
            case '/': value.Append('/'); return i + 1;
            case '\\': value.Append('\\'); return i + 1;
            case 'N': value.Append('\u0085'); return i + 1;
            case '_': value.Append('\u00a0'); return i + 1;
            case 'L': value.Append('\u2028'); return i + 1;
            case 'P': value.Append('\u2029'); return i + 1;
            case 'x': return Hex(text, i + 1, 2, value);
            case 'u': return Hex(text, i + 1, 4, value);
            case 'U': return Hex(text, i + 1, 8, value);
            default: throw new Unsupported();
        }
    }

    private static int Hex(ReadOnlySpan<char> text, int i, int digits, StringBuilder value)
    {
        if (i + digits > text.Length || !int.TryParse(text.Slice(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            throw new Unsupported();
        if (code is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF)) throw new Unsupported();
        value.Append(char.ConvertFromUtf32(code));
        return i + digits;
    }

    // Plain scalars may not start with an indicator; '-' only when a non-space follows.
    private bool CanStartPlain(int line, int col)
    {
        char c = Char(line, col);
        if (c is '\0' or ' ' or '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`') return false;
        if (c is '?' or ':') return false; // allowed before a non-space by YAML 1.2, but parsers differ
        if (c == '-') return !IsBlankOrEnd(line, col + 1);
        return true;
    }

    private bool IsSequenceItem(int line, int col) => Char(line, col) == '-' && IsBlankOrEnd(line, col + 1);

    private bool IsBlankOrEnd(int line, int col) => col >= Line(line).Length || Line(line)[col] == ' ';

    private bool AtLineEndOrComment(int line, int col) => col >= Line(line).Length || Line(line)[col] == '#';

    private void RequireLineEnd(int line, int col)
    {
        var text = Line(line);
        int i = col;
        while (i < text.Length && text[i] == ' ') i++;
        if (i < text.Length && !(text[i] == '#' && i > col)) throw new Unsupported();
    }

    private int SkipSpaces(int line, int col)
    {
        var text = Line(line);
        while (col < text.Length && text[col] == ' ') col++;
        return col;
    }

    private int NextContent(int from)
    {
        for (int l = from; l < _lines.Count; l++)
        {
            var text = Line(l);
            int i = 0;
            while (i < text.Length && text[i] == ' ') i++;
            if (i < text.Length && text[i] != '#') return l;
        }
        return -1;
    }

    private int Indent(int line)
    {
        var text = Line(line);
        int i = 0;
        while (i < text.Length && text[i] == ' ') i++;
        return i;
    }

    private char Char(int line, int col)
    {
        var text = Line(line);
        return col < text.Length ? text[col] : '\0';
    }

    private ReadOnlySpan<char> Line(int line) => _text.AsSpan(_lines[line].Start, _lines[line].End - _lines[line].Start);

    /// <summary>Flow collections (<c>{…}</c>, <c>[…]</c>), which may continue over several lines.</summary>
    private sealed class FlowCursor(BlockYamlParser parser, int line, int col)
    {
        public int Line { get; private set; } = line;

        public int Col { get; private set; } = col;

        private char Peek => parser.Char(Line, Col);

        public YNode ParseNode()
        {
            switch (Peek)
            {
                case '{': return ParseMapping();
                case '[': return ParseSequence();
                case '"':
                case '\'':
                {
                    var (scalar, end) = parser.ParseQuoted(Line, Col);
                    Col = end;
                    return scalar;
                }
                default:
                    return ParsePlain();
            }
        }

        private YMapping ParseMapping()
        {
            var map = new YMapping { IsFlow = true };
            Col++;
            SkipWhitespace();
            while (Peek != '}')
            {
                if (Peek is '{' or '[' or ',' or ']' or '\0') throw new Unsupported();
                var key = (YScalar)ParseNode();
                SkipWhitespace();
                if (Peek != ':') throw new Unsupported();
                Col++;
                if (!parser.IsBlankOrEnd(Line, Col)) throw new Unsupported(); // "k":v, k:[…]: parsers differ
                SkipWhitespace();
                YNode value = Peek is ',' or '}' ? new YScalar("") : ParseNode();
                map.AddParsed(key, value);
                SkipWhitespace();
                if (Peek == ',')
                {
                    Col++;
                    SkipWhitespace();
                }
                else if (Peek != '}')
                {
                    throw new Unsupported();
                }
            }
            Col++;
            return map;
        }

        private YSequence ParseSequence()
        {
            var items = new List<YNode>();
            Col++;
            SkipWhitespace();
            while (Peek != ']')
            {
                if (Peek is ',' or '}' or '\0') throw new Unsupported();
                items.Add(ParseNode());
                SkipWhitespace();
                if (Peek == ',')
                {
                    Col++;
                    SkipWhitespace();
                }
                else if (Peek != ']')
                {
                    throw new Unsupported(); // e.g. a single-pair mapping "[a: b]"
                }
            }
            Col++;
            return new YSequence(items) { IsFlow = true };
        }

        private YScalar ParsePlain()
        {
            if (!parser.CanStartPlain(Line, Col)) throw new Unsupported();
            var text = parser.Line(Line);
            int start = Col, i = Col;
            while (i < text.Length)
            {
                char c = text[i];
                if (c is ',' or '[' or ']' or '{' or '}') break;
                if (c == ':' && (i + 1 == text.Length || text[i + 1] == ' ')) break;
                if (c == ':' && text[i + 1] is ',' or '[' or ']' or '{' or '}') throw new Unsupported(); // parsers differ here
                if (c == '#' && text[i - 1] == ' ') throw new Unsupported();
                i++;
            }
            Col = i;
            var value = text[start..i].TrimEnd(' ').ToString();
            if (i == text.Length)
            {
                // The scalar reaches the line end: unless the next token closes or separates, it continues on
                // the next line (a multi-line plain scalar).
                SkipWhitespace();
                if (Peek is not (',' or '}' or ']' or ':')) throw new Unsupported();
            }
            return new YScalar(value);
        }

        // Spaces, line breaks and comments between flow tokens.
        private void SkipWhitespace()
        {
            while (true)
            {
                var text = parser.Line(Line);
                while (Col < text.Length && text[Col] == ' ') Col++;
                if (Col < text.Length && !(text[Col] == '#' && (Col == 0 || text[Col - 1] == ' '))) return;
                if (Line + 1 >= parser._lines.Count)
                {
                    Col = text.Length;
                    return;
                }
                Line++;
                Col = 0;
            }
        }
    }

    private sealed class Unsupported : Exception;
}
