namespace KubeInject.GoTemplates;

// The parse tree of a Go template (text/template/parse/node.go), reduced to what execution needs. Every node knows
// its 1-based line for error messages.

/// <summary>A node of a Go template's parse tree.</summary>
internal abstract record GoNode(int Line);

/// <summary>A sequence of nodes (a template body, a branch).</summary>
internal sealed record GoListNode(int Line, List<GoNode> Nodes) : GoNode(Line);

/// <summary>Plain text, already trimmed by <c>{{-</c>/<c>-}}</c>.</summary>
internal sealed record GoTextNode(int Line, string Text) : GoNode(Line);

/// <summary><c>{{pipeline}}</c>: prints the pipeline's value unless it declares or assigns variables.</summary>
internal sealed record GoActionNode(int Line, GoPipeNode Pipe) : GoNode(Line);

/// <summary>Which control structure a <see cref="GoBranchNode"/> is.</summary>
internal enum GoBranchKind { If, With, Range }

/// <summary><c>if</c>, <c>with</c> or <c>range</c> with its pipeline, body and optional <c>else</c> body.</summary>
internal sealed record GoBranchNode(int Line, GoBranchKind Kind, GoPipeNode Pipe, GoListNode List, GoListNode? ElseList) : GoNode(Line);

/// <summary><c>{{template "name" pipeline}}</c> (pipeline optional: dot is nil then).</summary>
internal sealed record GoTemplateCallNode(int Line, string Name, GoPipeNode? Pipe) : GoNode(Line);

/// <summary><c>{{break}}</c> inside a range.</summary>
internal sealed record GoBreakNode(int Line) : GoNode(Line);

/// <summary><c>{{continue}}</c> inside a range.</summary>
internal sealed record GoContinueNode(int Line) : GoNode(Line);

/// <summary>
/// A pipeline: commands joined by <c>|</c>, optionally declaring (<c>:=</c>) or assigning (<c>=</c>) variables.
/// A range may declare two (<c>$i, $v :=</c>).
/// </summary>
internal sealed record GoPipeNode(int Line, bool IsAssign, List<string> Decl, List<GoCommandNode> Commands) : GoNode(Line);

/// <summary>One command: a function, a field/method chain or an operand, with its arguments.</summary>
internal sealed record GoCommandNode(int Line, List<GoNode> Args) : GoNode(Line);

/// <summary>A function name in command position.</summary>
internal sealed record GoIdentifierNode(int Line, string Name) : GoNode(Line);

/// <summary><c>.A.B.C</c>: fields (or methods) of dot.</summary>
internal sealed record GoFieldNode(int Line, List<string> Idents) : GoNode(Line);

/// <summary><c>$x</c> or <c>$x.A.B</c> (<c>$</c> alone is the template's data).</summary>
internal sealed record GoVariableNode(int Line, string Name, List<string> Fields) : GoNode(Line);

/// <summary><c>(pipeline).A.B</c> and other fields of a non-field operand.</summary>
internal sealed record GoChainNode(int Line, GoNode Node, List<string> Fields) : GoNode(Line);

/// <summary><c>.</c></summary>
internal sealed record GoDotNode(int Line) : GoNode(Line);

/// <summary><c>nil</c></summary>
internal sealed record GoNilNode(int Line) : GoNode(Line);

/// <summary><c>true</c> / <c>false</c></summary>
internal sealed record GoBoolNode(int Line, bool Value) : GoNode(Line);

/// <summary>A string literal, unquoted.</summary>
internal sealed record GoStringNode(int Line, string Value) : GoNode(Line);

/// <summary>
/// A number or character constant. Go's constants are untyped: an integer literal is an <c>int</c>, one with a
/// fraction or exponent a <c>float64</c>, a character an <c>int32</c> (a rune) — the value a function or a
/// printed action sees.
/// </summary>
internal sealed record GoNumberNode(int Line, string Text, object Value) : GoNode(Line);
