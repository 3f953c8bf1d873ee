using System.Text;

namespace KubeInject.GoTemplates;

/// <summary>
/// Go's template lexer (text/template/parse/lex.go) for the default delimiters: text between actions, the
/// <c>{{-</c>/<c>-}}</c> trim markers applied to the neighbouring text here (so the parser never sees them),
/// comments dropped, and inside actions the tokens of Go's template language. Newlines are allowed inside
/// actions (Go 1.16+), as Istio's templates use them.
/// </summary>
internal sealed class GoLexer
{
    private const string Left = "{{", Right = "}}";
    private readonly string _name;
    private readonly string _input;
    private readonly List<GoToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _parenDepth;

    private GoLexer(string name, string input)
    {
        _name = name;
        _input = input;
    }

    /// <summary>All tokens of <paramref name="input"/>, ending with <see cref="GoTokenKind.Eof"/>.</summary>
    public static List<GoToken> Lex(string name, string input)
    {
        var lexer = new GoLexer(name, input);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        bool trimNextText = false;
        while (true)
        {
            int start = _pos;
            int next = _input.IndexOf(Left, _pos, StringComparison.Ordinal);
            int end = next < 0 ? _input.Length : next;
            bool trimThis = next >= 0 && HasLeftTrim(next + Left.Length);
            var text = _input[start..end];
            int textLine = _line;
            _line += Count(text, '\n');
            if (trimNextText)
            {
                var trimmed = text.TrimStart(' ', '\t', '\r', '\n');
                textLine += Count(text[..(text.Length - trimmed.Length)], '\n');
                text = trimmed;
            }
            if (trimThis) text = text.TrimEnd(' ', '\t', '\r', '\n');
            if (text.Length > 0) _tokens.Add(new GoToken(GoTokenKind.Text, text, textLine));
            if (next < 0) break;
            _pos = next + Left.Length;
            if (trimThis) _pos += 2;
            trimNextText = LexAction();
        }
        _tokens.Add(new GoToken(GoTokenKind.Eof, "", _line));
    }

    // "{{- " : a dash followed by an ASCII space character.
    private bool HasLeftTrim(int at) => at + 1 < _input.Length && _input[at] == '-' && IsSpace(_input[at + 1]);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static int Count(string s, char c)
    {
        int n = 0;
        foreach (var ch in s) if (ch == c) n++;
        return n;
    }

    // Returns whether the action ended with a right trim marker.
    private bool LexAction()
    {
        int actionLine = _line;
        // A comment must open right after the delimiter (and its trim marker).
        int afterSpace = _pos;
        if (_input.AsSpan(afterSpace).StartsWith("/*")) return LexComment(actionLine);
        _tokens.Add(new GoToken(GoTokenKind.LeftDelim, Left, actionLine));
        _parenDepth = 0;
        while (true)
        {
            if (_pos >= _input.Length) throw Error("unclosed action");
            if (AtRightDelim(out bool trim, out int length))
            {
                if (_parenDepth > 0) throw Error("unclosed left paren");
                _tokens.Add(new GoToken(GoTokenKind.RightDelim, Right, _line));
                _pos += length;
                return trim;
            }
            char c = _input[_pos];
            if (IsSpace(c))
            {
                int s = _pos;
                while (_pos < _input.Length && IsSpace(_input[_pos]) && !AtRightDelim(out _, out _)) _pos++;
                var space = _input[s.._pos];
                _tokens.Add(new GoToken(GoTokenKind.Space, space, _line));
                _line += Count(space, '\n');
                continue;
            }
            switch (c)
            {
                case '=': Emit(GoTokenKind.Assign, 1); continue;
                case ':':
                    if (Peek(1) != '=') throw Error("expected :=");
                    Emit(GoTokenKind.Declare, 2);
                    continue;
                case '|': Emit(GoTokenKind.Pipe, 1); continue;
                case ',': Emit(GoTokenKind.Comma, 1); continue;
                case '(': _parenDepth++; Emit(GoTokenKind.LeftParen, 1); continue;
                case ')':
                    if (--_parenDepth < 0) throw Error("unexpected right paren");
                    Emit(GoTokenKind.RightParen, 1);
                    continue;
                case '"': LexQuote(); continue;
                case '`': LexRawQuote(); continue;
                case '\'': LexChar(); continue;
                case '$': LexWord(GoTokenKind.Variable, 1); continue;
                case '.':
                    if (char.IsAsciiDigit(Peek(1))) { LexNumber(); continue; }
                    if (IsAlphaNumeric(Peek(1))) { LexWord(GoTokenKind.Field, 1); continue; }
                    Emit(GoTokenKind.Dot, 1);
                    continue;
            }
            if (c is '+' or '-' || char.IsAsciiDigit(c)) { LexNumber(); continue; }
            if (IsAlphaNumeric(c)) { LexIdentifier(); continue; }
            throw Error($"unrecognized character in action: {Describe(c)}");
        }
    }

    private static string Describe(char c) => $"U+{(int)c:X4} '{c}'";

    private bool AtRightDelim(out bool trim, out int length)
    {
        var rest = _input.AsSpan(_pos);
        // " -}}": the trim marker must follow a space.
        if (rest.Length >= 4 && IsSpace(rest[0]) && rest[1] == '-' && rest[2..].StartsWith(Right))
        {
            trim = true;
            length = 4;
            return true;
        }
        trim = false;
        length = Right.Length;
        return rest.StartsWith(Right);
    }

    private bool LexComment(int line)
    {
        int close = _input.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (close < 0) throw Error("unclosed comment");
        _line += Count(_input[_pos..close], '\n');
        _pos = close + 2;
        if (AtRightDelim(out bool trim, out int length))
        {
            _pos += length;
            return trim;
        }
        _ = line;
        throw Error("comment ends before closing delimiter");
    }

    private char Peek(int offset) => _pos + offset < _input.Length ? _input[_pos + offset] : '\0';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);

    private void Emit(GoTokenKind kind, int length)
    {
        _tokens.Add(new GoToken(kind, _input.Substring(_pos, length), _line));
        _pos += length;
    }

    private void LexWord(GoTokenKind kind, int prefix)
    {
        int s = _pos;
        _pos += prefix;
        while (_pos < _input.Length && IsAlphaNumeric(_input[_pos])) _pos++;
        _tokens.Add(new GoToken(kind, _input[s.._pos], _line));
        CheckTerminator();
    }

    private void LexIdentifier()
    {
        int s = _pos;
        while (_pos < _input.Length && IsAlphaNumeric(_input[_pos])) _pos++;
        var word = _input[s.._pos];
        var kind = word switch
        {
            "true" or "false" => GoTokenKind.Bool,
            "nil" => GoTokenKind.Nil,
            "block" or "break" or "continue" or "define" or "else" or "end" or "if" or "range" or "template" or "with" => GoTokenKind.Keyword,
            _ => GoTokenKind.Identifier,
        };
        _tokens.Add(new GoToken(kind, word, _line));
        CheckTerminator();
    }

    // After a word: space, end of action, a punctuation character or a field (chain) must follow.
    private void CheckTerminator()
    {
        if (_pos >= _input.Length) return;
        char c = _input[_pos];
        if (IsSpace(c) || c is '.' or ',' or '|' or ':' or ')' or '(' or '=' || AtRightDelim(out _, out _)) return;
        throw Error($"bad character {Describe(c)}");
    }

    private void LexNumber()
    {
        int s = _pos;
        if (_input[_pos] is '+' or '-') _pos++;
        string digits = "0123456789_";
        if (Peek(0) == '0' && char.ToLowerInvariant(Peek(1)) is 'x' or 'o' or 'b')
        {
            digits = char.ToLowerInvariant(Peek(1)) switch { 'x' => "0123456789abcdefABCDEF_", 'o' => "01234567_", _ => "01_" };
            _pos += 2;
        }
        while (_pos < _input.Length && digits.Contains(_input[_pos])) _pos++;
        if (Peek(0) == '.') { _pos++; while (_pos < _input.Length && digits.Contains(_input[_pos])) _pos++; }
        bool hex = digits.Length > 12;
        if (hex ? char.ToLowerInvariant(Peek(0)) == 'p' : char.ToLowerInvariant(Peek(0)) == 'e')
        {
            _pos++;
            if (Peek(0) is '+' or '-') _pos++;
            while (_pos < _input.Length && char.IsAsciiDigit(_input[_pos]) || Peek(0) == '_') _pos++;
        }
        if (Peek(0) == 'i') _pos++;
        if (_pos < _input.Length && IsAlphaNumeric(_input[_pos]))
        {
            while (_pos < _input.Length && IsAlphaNumeric(_input[_pos])) _pos++;
            throw Error($"bad number syntax: \"{_input[s.._pos]}\"");
        }
        _tokens.Add(new GoToken(GoTokenKind.Number, _input[s.._pos], _line));
    }

    private void LexQuote()
    {
        int s = _pos++;
        while (true)
        {
            if (_pos >= _input.Length || _input[_pos] == '\n') throw Error("unterminated quoted string");
            char c = _input[_pos++];
            if (c == '\\')
            {
                if (_pos >= _input.Length || _input[_pos] == '\n') throw Error("unterminated quoted string");
                _pos++;
            }
            else if (c == '"') break;
        }
        _tokens.Add(new GoToken(GoTokenKind.String, _input[s.._pos], _line));
    }

    private void LexRawQuote()
    {
        int s = _pos;
        int close = _input.IndexOf('`', _pos + 1);
        if (close < 0) throw Error("unterminated raw quoted string");
        _pos = close + 1;
        var text = _input[s.._pos];
        _tokens.Add(new GoToken(GoTokenKind.RawString, text, _line));
        _line += Count(text, '\n');
    }

    private void LexChar()
    {
        int s = _pos++;
        while (true)
        {
            if (_pos >= _input.Length || _input[_pos] == '\n') throw Error("unterminated character constant");
            char c = _input[_pos++];
            if (c == '\\')
            {
                if (_pos >= _input.Length || _input[_pos] == '\n') throw Error("unterminated character constant");
                _pos++;
            }
            else if (c == '\'') break;
        }
        _tokens.Add(new GoToken(GoTokenKind.Char, _input[s.._pos], _line));
    }

    private Exception Error(string message) => GoTemplateError.Parse(_name, _line, message);
}
