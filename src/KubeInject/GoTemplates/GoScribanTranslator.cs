using System.Globalization;
using System.Text;
using KubeInject.Go;

namespace KubeInject.GoTemplates;

/// <summary>
/// Translates a parsed Go template into Scriban script text. Every Go pipeline becomes a sequence of Scriban
/// statements over local temporaries (<c>$t1 = go_field $d0 ["Spec", "Containers"]</c>), so Go's evaluation order and
/// the lazy <c>and</c>/<c>or</c> hold; values flow through the <see cref="GoRuntime"/> helpers, never through
/// Scriban's own operators, except three whose meaning the render context makes Go's (a helper call costs far
/// more): the truth of <c>if</c> and <c>!</c>, and printing (<c>{{ x ?? "&lt;no value&gt;" }}</c>). Fields of the
/// main template's data are global names (<c>go_r3</c>, see <see cref="GoRenderGlobals"/>). Dot is a local per
/// scope (<c>$d0</c> is the data, <c>with</c>/<c>range</c> bind new ones), Go variables get one local each (<c>$v3</c>), so Go's lexical scoping and shadowing are exact, and
/// <c>define</c>d templates are Scriban functions of dot. Text is emitted verbatim (trim markers already applied).
/// </summary>
internal sealed class GoScribanTranslator
{
    private readonly GoParsedTemplate _template;
    private readonly StringBuilder _out = new();
    private readonly List<(int Offset, int Line)> _lines = [];
    private readonly List<(string Go, string Scriban)> _vars = [];
    private readonly Dictionary<string, string> _functions = new(StringComparer.Ordinal);
    // Field chains as constants (go_k3 = ["Values", "global"]): an array literal would be rebuilt on every evaluation.
    private readonly Dictionary<string, int> _chainIndex = new(StringComparer.Ordinal);
    private readonly List<string[]> _chains = [];
    private string _dot = "$d0";
    // Field chains read from the data itself ($ of the main template): go_r3, one global lookup instead of a
    // go_field call (GoRenderGlobals resolves them). Off when the template assigns $ (then $d0 may be anything).
    private readonly bool _rootChains;
    private readonly List<int> _rootChainIndexes = [];
    private bool _inRoot;
    private bool _rootAssigned;
    private int _next;
    private int _line = 1;

    private GoScribanTranslator(GoParsedTemplate template, bool rootChains)
    {
        _template = template;
        _rootChains = rootChains;
    }

    /// <summary>
    /// The Scriban text of <paramref name="template"/>, for error messages the Go line of each emitted code block (by
    /// offset), its field chains and which of them are read from the data (<see cref="RootChainVariable"/>).
    /// </summary>
    public static (string Script, IReadOnlyList<(int Offset, int Line)> Lines, IReadOnlyList<string[]> Chains, IReadOnlyList<int> RootChains) Translate(GoParsedTemplate template)
    {
        var t = new GoScribanTranslator(template, rootChains: true);
        t.Run();
        if (t._rootAssigned)
        {
            t = new GoScribanTranslator(template, rootChains: false);
            t.Run();
        }
        return (t._out.ToString(), t._lines, t._chains, t._rootChainIndexes);
    }

    /// <summary>The Scriban variable holding field chain <paramref name="index"/>.</summary>
    public static string ChainVariable(int index) => $"go_k{index}";

    /// <summary>The Scriban variable whose value is field chain <paramref name="index"/> read from the data.</summary>
    public static string RootChainVariable(int index) => $"go_r{index}";

    private void Run()
    {
        int index = 0;
        foreach (var name in _template.Defines.Keys) _functions[name] = $"gotpl_{index++}";
        foreach (var (name, body) in _template.Defines)
        {
            _line = body.Line;
            Code($"func {_functions[name]}");
            Code("$d0 = $0");
            EmitScope(body);
            Code("end");
        }
        _line = 1;
        Code("$d0 = go_dot");
        _inRoot = true;
        EmitScope(_template.Root);
        _inRoot = false;
    }

    // A template body: fresh variables, where $ is the body's dot.
    private void EmitScope(GoListNode body)
    {
        var saved = _vars.ToList();
        _vars.Clear();
        _vars.Add(("$", "$d0"));
        _dot = "$d0";
        EmitList(body);
        _vars.Clear();
        _vars.AddRange(saved);
    }

    private void EmitList(GoListNode list)
    {
        foreach (var node in list.Nodes) Emit(node);
    }

    private void Emit(GoNode node)
    {
        _line = node.Line;
        switch (node)
        {
            case GoTextNode t:
                EmitText(t.Text);
                break;
            case GoActionNode a:
                if (a.Pipe.Decl.Count > 0) EvalDeclaringPipe(a.Pipe);
                // Scriban prints a non-null value through the context's Print (GoSemantics.Sprint); nil is Go's "<no value>".
                else Code($"{EvalPipe(a.Pipe)} ?? \"<no value>\"");
                break;
            case GoBranchNode b:
                EmitBranch(b);
                break;
            case GoTemplateCallNode call:
            {
                var arg = call.Pipe is null ? "null" : EvalPipe(call.Pipe);
                if (_functions.TryGetValue(call.Name, out var f)) Code($"{f} {arg}");
                else Fail($"template \"{call.Name}\" not defined");
                break;
            }
            case GoBreakNode:
                Code("break");
                break;
            case GoContinueNode:
                Code("continue");
                break;
            default:
                throw new InvalidOperationException($"unexpected node {node.GetType().Name}");
        }
    }

    private void EmitText(string text)
    {
        // Scriban would read "{{" or "{%{" in text as code: write such text as a string literal instead.
        if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%{", StringComparison.Ordinal) || text.EndsWith('{'))
            Code(StringLiteral(text));
        else
            _out.Append(text);
    }

    private void EmitBranch(GoBranchNode b)
    {
        int mark = _vars.Count;
        var savedDot = _dot;
        switch (b.Kind)
        {
            case GoBranchKind.If:
            {
                var value = EvalDeclaringPipe(b.Pipe);
                Code($"if {value}");
                EmitList(b.List);
                break;
            }
            case GoBranchKind.With:
            {
                var value = Materialize(EvalDeclaringPipe(b.Pipe));
                Code($"if {value}");
                _dot = NewLocal("d");
                Code($"{_dot} = {value}");
                EmitList(b.List);
                _dot = savedDot;
                break;
            }
            case GoBranchKind.Range:
            {
                var collection = Materialize(EvalPipe(b.Pipe));
                var keys = NewLocal("k");
                var key = NewLocal("i");
                Code($"{keys} = go_range_keys {collection}");
                Code($"if {keys}");
                Code($"for {key} in {keys}");
                _dot = NewLocal("d");
                Code($"{_dot} = go_range_elem {collection} {key}");
                if (b.Pipe.Decl.Count == 1) Declare(b.Pipe.Decl[0], b.Pipe.IsAssign, _dot);
                if (b.Pipe.Decl.Count == 2)
                {
                    Declare(b.Pipe.Decl[0], b.Pipe.IsAssign, key);
                    Declare(b.Pipe.Decl[1], b.Pipe.IsAssign, _dot);
                }
                EmitList(b.List);
                _dot = savedDot;
                Code("end");
                break;
            }
        }
        if (b.ElseList is not null)
        {
            Code("else");
            EmitList(b.ElseList);
        }
        Code("end");
        _vars.RemoveRange(mark, _vars.Count - mark);
    }

    // A pipeline whose value may also be declared ($x := ...) or assigned ($x = ...); returns where the value is.
    private string EvalDeclaringPipe(GoPipeNode pipe)
    {
        var value = EvalPipe(pipe);
        if (pipe.Decl.Count == 0) return value;
        return Declare(pipe.Decl[0], pipe.IsAssign, value);
    }

    private string Declare(string goName, bool isAssign, string value)
    {
        string target;
        if (isAssign)
        {
            target = Lookup(goName);
            _rootAssigned |= target == "$d0";
        }
        else
        {
            target = NewLocal("v");
            _vars.Add((goName, target));
        }
        Code($"{target} = {value}");
        return target;
    }

    private string Lookup(string goName)
    {
        for (int i = _vars.Count - 1; i >= 0; i--)
            if (_vars[i].Go == goName) return _vars[i].Scriban;
        throw GoTemplateError.Parse(_template.Name, _line, $"undefined variable \"{goName}\"");
    }

    private string NewLocal(string prefix) => $"${prefix}{++_next}";

    private string EvalPipe(GoPipeNode pipe)
    {
        string? final = null;
        foreach (var cmd in pipe.Commands) final = EvalCommand(cmd, final);
        return final!;
    }

    private string EvalCommand(GoCommandNode cmd, string? final)
    {
        _line = cmd.Line;
        var first = cmd.Args[0];
        bool hasArgs = cmd.Args.Count > 1 || final is not null;
        switch (first)
        {
            case GoIdentifierNode id:
                return EvalFunction(id.Name, cmd.Args.Skip(1).ToList(), final);
            case GoFieldNode f:
                if (hasArgs) return Method(_dot, f.Idents, cmd.Args, final);
                return Field(_dot, f.Idents);
            case GoChainNode c:
                if (hasArgs) return Method(EvalArg(c.Node), c.Fields, cmd.Args, final);
                return Field(EvalArg(c.Node), c.Fields);
            case GoVariableNode v:
                if (hasArgs && v.Fields.Count > 0) return Method(Lookup(v.Name), v.Fields, cmd.Args, final);
                if (hasArgs) return Fail($"can't give argument to non-function {v.Name}");
                return EvalArg(v);
            case GoNilNode:
                return Fail("nil is not a command");
            default:
                if (hasArgs) return Fail($"can't give argument to non-function {Describe(first)}");
                return EvalArg(first);
        }
    }

    private static string Describe(GoNode n) => n switch
    {
        GoStringNode s => Strconv.Quote(s.Value),
        GoNumberNode num => num.Text,
        GoBoolNode b => b.Value ? "true" : "false",
        GoDotNode => ".",
        _ => "(pipeline)",
    };

    private string EvalArg(GoNode node) => node switch
    {
        GoDotNode => _dot,
        GoNilNode => "null",
        GoBoolNode b => b.Value ? "true" : "false",
        GoStringNode s => StringLiteral(s.Value),
        GoNumberNode n => NumberLiteral(n.Value),
        GoFieldNode f => Field(_dot, f.Idents),
        GoVariableNode v => v.Fields.Count == 0 ? Lookup(v.Name) : Field(Lookup(v.Name), v.Fields),
        GoChainNode c => Field(EvalArg(c.Node), c.Fields),
        GoPipeNode p => EvalDeclaringPipe(p),
        GoIdentifierNode id => EvalFunction(id.Name, [], null),
        _ => throw new InvalidOperationException($"unexpected argument {node.GetType().Name}"),
    };

    private string Field(string receiver, List<string> names)
    {
        var key = string.Join('\u0001', names);
        if (!_chainIndex.TryGetValue(key, out int index))
        {
            index = _chains.Count;
            _chainIndex[key] = index;
            _chains.Add([.. names]);
        }
        if (_rootChains && _inRoot && receiver == "$d0")
        {
            if (!_rootChainIndexes.Contains(index)) _rootChainIndexes.Add(index);
            return RootChainVariable(index);
        }
        return $"(go_field {receiver} {ChainVariable(index)})";
    }

    // A field chain given arguments calls its last name as a method (semver's .Compare); the runtime decides whether
    // the receiver has such a method, as Go does.
    private string Method(string receiver, List<string> names, List<GoNode> command, string? final)
    {
        if (names.Count > 1) receiver = Field(receiver, names.GetRange(0, names.Count - 1));
        var values = command.Skip(1).Select(EvalArg).ToList();
        if (final is not null) values.Add(final);
        return $"(go_method {receiver} {StringLiteral(names[^1])} {string.Join(' ', values)})";
    }

    private string EvalFunction(string name, List<GoNode> args, string? final)
    {
        var t = NewLocal("t");
        if (name is "and" or "or")
        {
            // Go evaluates operands left to right and stops at the first that decides (false for and, true for or).
            int count = args.Count + (final is null ? 0 : 1);
            if (count == 0) return Fail($"wrong number of args for {name}: want at least 1 got 0");
            string test = name == "and" ? t : $"!{t}";
            int open = 0;
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    Code($"if {test}");
                    open++;
                }
                Code($"{t} = {(i < args.Count ? EvalArg(args[i]) : final)}");
            }
            for (int i = 0; i < open; i++) Code("end");
            return t;
        }
        var values = args.Select(EvalArg).ToList();
        if (final is not null) values.Add(final);
        // not of one value is Scriban's own ! (the context tests with Go's truth): no function call.
        if (name == "not" && values.Count == 1) return $"(!{values[0]})";
        return values.Count == 0 ? $"({GoRuntime.FunctionName(name)})" : $"({GoRuntime.FunctionName(name)} {string.Join(' ', values)})";
    }

    // Values used more than once (dot of a with, the ranged collection) are evaluated once, into a local.
    private string Materialize(string expression)
    {
        if (expression.StartsWith('$') || expression is "null" or "true" or "false" || expression.StartsWith('"')) return expression;
        var t = NewLocal("t");
        Code($"{t} = {expression}");
        return t;
    }

    private string Fail(string message)
    {
        Code($"go_fail {StringLiteral(message)}");
        return "null";
    }

    private void Code(string statement)
    {
        _lines.Add((_out.Length, _line));
        _out.Append("{{ ").Append(statement).Append(" }}");
    }

    /// <summary>A Scriban string literal with the same text: Scriban reads JSON's escapes, and HTML characters stay raw
    /// so the translation stays readable.</summary>
    internal static string StringLiteral(string s) => EncodingJson.Quote(s, escapeHtml: false);

    private static string NumberLiteral(object value) => value switch
    {
        long l => l < 0 ? $"({l.ToString(CultureInfo.InvariantCulture)})" : l.ToString(CultureInfo.InvariantCulture),
        double d => $"(go_float {StringLiteral(d.ToString("R", CultureInfo.InvariantCulture))})",
        _ => throw new InvalidOperationException(),
    };
}
