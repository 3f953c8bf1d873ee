using System.Globalization;
using System.Numerics;
using System.Text;
using KubeInject.Go;

namespace KubeInject.GoTemplates;

/// <summary>
/// Go's template parser (text/template/parse/parse.go): the body of a template plus its <c>define</c>d and
/// <c>block</c> templates. Like Go it rejects, at parse time, unknown functions, undefined variables,
/// <c>break</c>/<c>continue</c> outside a range and misplaced <c>else</c>/<c>end</c>.
/// </summary>
internal sealed class GoParser
{
    private readonly string _name;
    private readonly List<GoToken> _tokens;
    private readonly Func<string, bool> _isFunction;
    private readonly Dictionary<string, GoListNode> _defines;
    private int _pos;
    private readonly List<string> _vars = ["$"];
    private int _rangeDepth;

    private GoParser(string name, List<GoToken> tokens, Func<string, bool> isFunction, Dictionary<string, GoListNode> defines)
    {
        _name = name;
        _tokens = tokens;
        _isFunction = isFunction;
        _defines = defines;
    }

    /// <summary>Parses <paramref name="text"/>: its main body and the templates it defines.</summary>
    public static GoParsedTemplate Parse(string name, string text, Func<string, bool> isFunction)
    {
        var defines = new Dictionary<string, GoListNode>(StringComparer.Ordinal);
        var parser = new GoParser(name, GoLexer.Lex(name, text), isFunction, defines);
        var root = parser.ParseRoot();
        return new GoParsedTemplate(name, root, defines);
    }

    private GoToken Next() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private GoToken Peek() => _tokens[_pos];

    private void Backup() => _pos--;

    private GoToken NextNonSpace()
    {
        var t = Next();
        while (t.Kind == GoTokenKind.Space) t = Next();
        return t;
    }

    private GoToken PeekNonSpace()
    {
        var t = NextNonSpace();
        Backup();
        return t;
    }

    private Exception Error(int line, string message) => GoTemplateError.Parse(_name, line, message);

    private Exception Unexpected(GoToken t, string context) =>
        Error(t.Line, $"unexpected {Describe(t)} in {context}");

    private static string Describe(GoToken t) => t.Kind switch
    {
        GoTokenKind.Eof => "EOF",
        GoTokenKind.RightDelim => "\"}}\"",
        GoTokenKind.Keyword => $"<{t.Text}>",
        _ => $"\"{t.Text}\"",
    };

    private GoListNode ParseRoot()
    {
        var list = new GoListNode(1, []);
        while (Peek().Kind != GoTokenKind.Eof)
        {
            if (Peek().Kind == GoTokenKind.LeftDelim)
            {
                int save = _pos;
                Next();
                var t = NextNonSpace();
                if (t is { Kind: GoTokenKind.Keyword, Text: "define" })
                {
                    ParseDefinition(t.Line);
                    continue;
                }
                _pos = save;
            }
            var (node, stop) = TextOrAction();
            if (stop is not null) throw Error(stop.Line, $"unexpected {{{{{(stop is GoEndMarker ? "end" : "else")}}}}}");
            if (node is not null) list.Nodes.Add(node);
        }
        return list;
    }

    // {{define "name"}} body {{end}}: a template of its own with fresh variables.
    private void ParseDefinition(int line)
    {
        var nameToken = NextNonSpace();
        var name = ParseTemplateName(nameToken, "define clause");
        Expect(GoTokenKind.RightDelim, "define clause");
        var body = ParseDefinedBody("define");
        Define(name, body, line);
    }

    private GoListNode ParseDefinedBody(string context)
    {
        var savedVars = _vars.ToList();
        int savedRange = _rangeDepth;
        _vars.Clear();
        _vars.Add("$");
        _rangeDepth = 0;
        var (body, stop) = ItemList(context);
        if (stop is not GoEndMarker) throw Error(stop.Line, $"unexpected {{{{else}}}} in {context}");
        _vars.Clear();
        _vars.AddRange(savedVars);
        _rangeDepth = savedRange;
        return body;
    }

    private void Define(string name, GoListNode body, int line)
    {
        // Go allows redefining only when one of the two is empty; later definitions win.
        if (_defines.TryGetValue(name, out var existing) && !IsEmpty(existing) && !IsEmpty(body))
            throw Error(line, $"template: multiple definition of template \"{name}\"");
        if (!_defines.ContainsKey(name) || !IsEmpty(body)) _defines[name] = body;
    }

    private static bool IsEmpty(GoListNode list) =>
        list.Nodes.All(n => n is GoTextNode t && string.IsNullOrWhiteSpace(t.Text));

    private string ParseTemplateName(GoToken t, string context)
    {
        if (t.Kind is GoTokenKind.String or GoTokenKind.RawString) return Strconv.Unquote(t.Text, s => Error(t.Line, s));
        throw Unexpected(t, context);
    }

    private void Expect(GoTokenKind kind, string context)
    {
        var t = NextNonSpace();
        if (t.Kind != kind) throw Unexpected(t, context);
    }

    // Markers for {{end}} and {{else}} that end an item list.
    private abstract record GoStopMarker(int Line) : GoNode(Line);
    private sealed record GoEndMarker(int Line) : GoStopMarker(Line);
    private sealed record GoElseMarker(int Line, string? Chained) : GoStopMarker(Line);

    private (GoListNode List, GoStopMarker Stop) ItemList(string context)
    {
        var list = new GoListNode(Peek().Line, []);
        while (Peek().Kind != GoTokenKind.Eof)
        {
            var (node, stop) = TextOrAction();
            if (stop is not null) return (list, stop);
            if (node is not null) list.Nodes.Add(node);
        }
        throw Error(Peek().Line, $"unexpected EOF in {context}");
    }

    private (GoNode? Node, GoStopMarker? Stop) TextOrAction()
    {
        var t = NextNonSpace();
        switch (t.Kind)
        {
            case GoTokenKind.Text:
                return (new GoTextNode(t.Line, t.Text), null);
            case GoTokenKind.LeftDelim:
                var node = Action();
                return node is GoStopMarker stop ? (null, stop) : (node, null);
            default:
                throw Unexpected(t, "input");
        }
    }

    private GoNode Action()
    {
        var t = NextNonSpace();
        if (t.Kind == GoTokenKind.Keyword)
        {
            switch (t.Text)
            {
                case "block": return BlockControl(t.Line);
                case "break": return BreakOrContinue(t, isBreak: true);
                case "continue": return BreakOrContinue(t, isBreak: false);
                case "else": return ElseControl(t.Line);
                case "end":
                    Expect(GoTokenKind.RightDelim, "end");
                    return new GoEndMarker(t.Line);
                case "if": return Control(GoBranchKind.If, t.Line);
                case "range": return Control(GoBranchKind.Range, t.Line);
                case "template": return TemplateControl(t.Line);
                case "with": return Control(GoBranchKind.With, t.Line);
                case "define": throw Error(t.Line, "unexpected <define> in command");
            }
        }
        Backup();
        return new GoActionNode(t.Line, Pipeline("command", GoTokenKind.RightDelim));
    }

    private GoNode BreakOrContinue(GoToken t, bool isBreak)
    {
        var next = NextNonSpace();
        if (next.Kind != GoTokenKind.RightDelim) throw Unexpected(next, $"{{{{{t.Text}}}}}");
        if (_rangeDepth == 0) throw Error(t.Line, $"{{{{{t.Text}}}}} outside {{{{range}}}}");
        return isBreak ? new GoBreakNode(t.Line) : new GoContinueNode(t.Line);
    }

    private GoNode ElseControl(int line)
    {
        // {{else if ...}} / {{else with ...}}: in effect {{else}}{{if ...}} sharing the outer {{end}}.
        var peek = PeekNonSpace();
        if (peek is { Kind: GoTokenKind.Keyword, Text: "if" or "with" }) return new GoElseMarker(line, peek.Text);
        Expect(GoTokenKind.RightDelim, "else");
        return new GoElseMarker(line, null);
    }

    private GoBranchNode Control(GoBranchKind kind, int line)
    {
        string context = kind.ToString().ToLowerInvariant();
        int varCount = _vars.Count;
        try
        {
            var pipe = Pipeline(context, GoTokenKind.RightDelim);
            if (kind == GoBranchKind.Range) _rangeDepth++;
            var (list, stop) = ItemList(context);
            if (kind == GoBranchKind.Range) _rangeDepth--;
            GoListNode? elseList = null;
            if (stop is GoElseMarker e)
            {
                if (e.Chained is not null)
                {
                    if (kind == GoBranchKind.Range || (e.Chained == "with" && kind != GoBranchKind.With))
                        throw Error(e.Line, $"unexpected {{{{else {e.Chained}}}}} in {context}");
                    var chainedToken = NextNonSpace(); // "if" or "with"
                    var nested = Control(chainedToken.Text == "if" ? GoBranchKind.If : GoBranchKind.With, chainedToken.Line);
                    elseList = new GoListNode(e.Line, [nested]);
                    return new GoBranchNode(line, kind, pipe, list, elseList);
                }
                (elseList, stop) = ItemList(context);
                if (stop is not GoEndMarker) throw Error(stop.Line, $"expected end; found {{{{else}}}}");
            }
            return new GoBranchNode(line, kind, pipe, list, elseList);
        }
        finally
        {
            _vars.RemoveRange(varCount, _vars.Count - varCount);
        }
    }

    private GoNode TemplateControl(int line)
    {
        var name = ParseTemplateName(NextNonSpace(), "template clause");
        GoPipeNode? pipe = null;
        if (PeekNonSpace().Kind != GoTokenKind.RightDelim) pipe = Pipeline("template clause", GoTokenKind.RightDelim);
        else NextNonSpace();
        return new GoTemplateCallNode(line, name, pipe);
    }

    // {{block "name" pipeline}} body {{end}} = {{define "name"}} body {{end}}{{template "name" pipeline}}
    private GoNode BlockControl(int line)
    {
        var name = ParseTemplateName(NextNonSpace(), "block clause");
        var pipe = Pipeline("block clause", GoTokenKind.RightDelim);
        var body = ParseDefinedBody("block clause");
        Define(name, body, line);
        return new GoTemplateCallNode(line, name, pipe);
    }

    private GoPipeNode Pipeline(string context, GoTokenKind end)
    {
        var first = PeekNonSpace();
        var pipe = new GoPipeNode(first.Line, false, [], []);
        bool isAssign = false;
        // Declarations: $x := / $x = / $i, $v := (range only).
        if (first.Kind == GoTokenKind.Variable)
        {
            int save = _pos;
            var declared = new List<GoToken>();
            while (true)
            {
                var v = NextNonSpace();
                if (v.Kind != GoTokenKind.Variable) { _pos = save; declared.Clear(); break; }
                var after = NextNonSpace();
                if (after.Kind is GoTokenKind.Declare or GoTokenKind.Assign)
                {
                    declared.Add(v);
                    isAssign = after.Kind == GoTokenKind.Assign;
                    break;
                }
                if (after.Kind == GoTokenKind.Comma)
                {
                    declared.Add(v);
                    if (context != "range" || declared.Count >= 2) throw Error(v.Line, $"too many declarations in {context}");
                    if (PeekNonSpace().Kind != GoTokenKind.Variable) throw Error(v.Line, "range can only initialize variables");
                    continue;
                }
                _pos = save;
                declared.Clear();
                break;
            }
            foreach (var v in declared)
            {
                if (isAssign)
                {
                    if (!_vars.Contains(v.Text)) throw Error(v.Line, $"undefined variable \"{v.Text}\"");
                }
                pipe.Decl.Add(v.Text);
            }
            if (declared.Count == 2 && isAssign && context != "range") throw Error(first.Line, $"too many declarations in {context}");
        }
        pipe = pipe with { IsAssign = isAssign };
        while (true)
        {
            var t = NextNonSpace();
            if (t.Kind == end)
            {
                CheckPipeline(pipe, context, t.Line);
                // Variables become visible after their declaring pipeline.
                if (!isAssign) _vars.AddRange(pipe.Decl);
                return pipe;
            }
            switch (t.Kind)
            {
                case GoTokenKind.Bool or GoTokenKind.Char or GoTokenKind.Dot or GoTokenKind.Field or GoTokenKind.Identifier
                    or GoTokenKind.Number or GoTokenKind.Nil or GoTokenKind.RawString or GoTokenKind.String
                    or GoTokenKind.Variable or GoTokenKind.LeftParen:
                    Backup();
                    pipe.Commands.Add(Command());
                    break;
                default:
                    throw Unexpected(t, context);
            }
        }
    }

    private void CheckPipeline(GoPipeNode pipe, string context, int line)
    {
        if (pipe.Commands.Count == 0) throw Error(line, $"missing value for {context}");
        for (int i = 1; i < pipe.Commands.Count; i++)
        {
            var a = pipe.Commands[i].Args[0];
            if (a is GoBoolNode or GoDotNode or GoNilNode or GoNumberNode or GoStringNode)
                throw Error(a.Line, $"non executable command in pipeline stage {i + 1}");
        }
    }

    private GoCommandNode Command()
    {
        var cmd = new GoCommandNode(PeekNonSpace().Line, []);
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand is not null) cmd.Args.Add(operand);
            var t = Next();
            switch (t.Kind)
            {
                case GoTokenKind.Space:
                    continue;
                case GoTokenKind.RightDelim or GoTokenKind.RightParen:
                    Backup();
                    break;
                case GoTokenKind.Pipe:
                    break;
                default:
                    throw Unexpected(t, "operand");
            }
            break;
        }
        if (cmd.Args.Count == 0) throw Error(cmd.Line, "empty command");
        return cmd;
    }

    private GoNode? Operand()
    {
        var node = Term();
        if (node is null) return null;
        if (Peek().Kind == GoTokenKind.Field)
        {
            var fields = new List<string>();
            while (Peek().Kind == GoTokenKind.Field) fields.Add(Next().Text[1..]);
            node = node switch
            {
                GoFieldNode f => f with { Idents = [.. f.Idents, .. fields] },
                GoVariableNode v => v with { Fields = [.. v.Fields, .. fields] },
                GoBoolNode or GoStringNode or GoNumberNode or GoNilNode or GoDotNode =>
                    throw Error(node.Line, $"unexpected . after term \"{TermText(node)}\""),
                _ => new GoChainNode(node.Line, node, fields),
            };
        }
        return node;
    }

    private static string TermText(GoNode n) => n switch
    {
        GoBoolNode b => b.Value ? "true" : "false",
        GoStringNode s => Strconv.Quote(s.Value),
        GoNumberNode num => num.Text,
        GoNilNode => "nil",
        _ => ".",
    };

    private GoNode? Term()
    {
        var t = NextNonSpace();
        switch (t.Kind)
        {
            case GoTokenKind.Identifier:
                if (!_isFunction(t.Text)) throw Error(t.Line, $"function \"{t.Text}\" not defined");
                return new GoIdentifierNode(t.Line, t.Text);
            case GoTokenKind.Dot:
                return new GoDotNode(t.Line);
            case GoTokenKind.Nil:
                return new GoNilNode(t.Line);
            case GoTokenKind.Variable:
                if (!_vars.Contains(t.Text)) throw Error(t.Line, $"undefined variable \"{t.Text}\"");
                return new GoVariableNode(t.Line, t.Text, []);
            case GoTokenKind.Field:
                return new GoFieldNode(t.Line, [t.Text[1..]]);
            case GoTokenKind.Bool:
                return new GoBoolNode(t.Line, t.Text == "true");
            case GoTokenKind.Char:
            {
                var s = Strconv.Unquote(t.Text, m => Error(t.Line, m));
                var runes = s.EnumerateRunes().ToList();
                if (runes.Count != 1) throw Error(t.Line, $"malformed character constant: {t.Text}");
                return new GoNumberNode(t.Line, t.Text, (long)runes[0].Value);
            }
            case GoTokenKind.Number:
                return new GoNumberNode(t.Line, t.Text, GoLiterals.Number(t.Text, m => Error(t.Line, m)));
            case GoTokenKind.LeftParen:
                return Pipeline("parenthesized pipeline", GoTokenKind.RightParen);
            case GoTokenKind.String or GoTokenKind.RawString:
                return new GoStringNode(t.Line, Strconv.Unquote(t.Text, m => Error(t.Line, m)));
        }
        Backup();
        return null;
    }
}

/// <summary>A parsed template: its body and the templates it defines (with <c>define</c> or <c>block</c>).</summary>
internal sealed record GoParsedTemplate(string Name, GoListNode Root, IReadOnlyDictionary<string, GoListNode> Defines);
