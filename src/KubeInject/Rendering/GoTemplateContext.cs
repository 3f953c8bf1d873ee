using KubeInject.Go;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KubeInject.Rendering;

/// <summary>
/// A Scriban context with Go <c>text/template</c> semantics where Scriban differs: Go truthiness in
/// <c>if</c>/<c>&amp;&amp;</c>/<c>||</c>/<c>!</c> (Scriban treats <c>""</c>, <c>0</c> and empty lists/maps as true) and
/// Go's <c>%v</c> printing (float64 <c>1000000</c> prints <c>1e+06</c>, maps print <c>map[k:v]</c>).
/// It also carries what the template functions <c>env</c>, <c>protoToJSON</c>, <c>appendMultusNetwork</c> and <c>now</c> need
/// from the render.
/// </summary>
internal sealed class GoTemplateContext : TemplateContext
{
    // Scriban builds its builtin function objects per context unless given one; they are stateless, so one
    // set per renderer saves most of a context's construction cost (a render per workload).
    /// <summary>A context over <paramref name="builtins"/> (see <see cref="LazyScribanBuiltins"/>).</summary>
    public GoTemplateContext(ScriptObject builtins) : base(builtins) { }

    /// <summary>Scriban's builtin functions, built (the work <see cref="LazyScribanBuiltins"/> defers).</summary>
    public static ScriptObject BuildScribanBuiltins() => GetDefaultBuiltinObject();

    /// <summary>What <c>env</c> reads (never the process environment).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The time sprig's <c>now</c> returns (and <c>date</c>, <c>ago</c>, <c>durationRound</c> measure from): one
    /// instant per render, so every call of a render agrees, taken from the caller's clock
    /// (<see cref="InjectionOptions.Clock"/>); the Unix epoch unless set, never a clock of its own.
    /// </summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>The precomputed <c>protoToJSON .ProxyConfig</c>.</summary>
    public string ProxyConfigJson { get; init; } = "{}";

    /// <summary>The <c>.ProxyConfig</c> object of this render, so <c>protoToJSON</c> recognises it.</summary>
    public ScriptObject? ProxyConfig { get; init; }

    /// <summary>How <c>appendMultusNetwork</c> matches JSON entries (see <see cref="MultusNetworks.Append"/>).</summary>
    public bool MultusNamespaceMatching { get; init; }

    // Scriban converts every function argument to its parameter's type; the Go runtime's parameters are all
    // object, for which the base conversion returns the value itself after costly type tests (a third of a render).
    /// <inheritdoc />
    public override object? ToObject(SourceSpan span, object? value, Type destinationType) =>
        destinationType == typeof(object) && value is not IScriptConvertibleTo ? value : base.ToObject(span, value, destinationType);

    /// <summary>
    /// The truth test of <c>if</c> and <c>!</c>: <see cref="GoValues.Truthy"/> unless the renderer sets its own (the Go
    /// template front end tests its own values, so its translations need no function call per test).
    /// </summary>
    public Func<object?, bool> Truth { get; set; } = GoValues.Truthy;

    /// <inheritdoc />
    public override bool ToBool(SourceSpan span, object? value) => Truth(value);

    /// <summary>How a value other than null or a string prints: <see cref="Go.Fmt.Sprint"/> unless the renderer sets its own (the Go template front end's values).</summary>
    public Func<object?, string> Print { get; set; } = Go.Fmt.Sprint;

    /// <inheritdoc />
    public override string ObjectToString(object? value, bool nested = false) => value switch
    {
        // Go would print "<no value>" for a missing key; Scriban cannot tell missing from null, so print nothing.
        null => "",
        string s => s,
        _ => Print(value),
    };
}
