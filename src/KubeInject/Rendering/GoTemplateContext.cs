using KubeInject.Go;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// A Scriban context with Go <c>text/template</c> semantics where Scriban differs: Go truthiness in
/// <c>if</c>/<c>&amp;&amp;</c>/<c>||</c>/<c>!</c> (Scriban treats <c>""</c>, <c>0</c> and empty lists/maps as true) and
/// Go's <c>%v</c> printing (float64 <c>1000000</c> prints <c>1e+06</c>, maps print <c>map[k:v]</c>).
/// It also carries what the template functions <c>env</c>, <c>protoToJSON</c> and <c>appendMultusNetwork</c> need
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

    /// <summary>The precomputed <c>protoToJSON .ProxyConfig</c>.</summary>
    public string ProxyConfigJson { get; init; } = "{}";

    /// <summary>The <c>.ProxyConfig</c> object of this render, so <c>protoToJSON</c> recognises it.</summary>
    public ScriptObject? ProxyConfig { get; init; }

    /// <summary>How <c>appendMultusNetwork</c> matches JSON entries (see <see cref="MultusNetworks.Append"/>).</summary>
    public bool MultusNamespaceMatching { get; init; }

    /// <inheritdoc />
    public override bool ToBool(SourceSpan span, object? value) => GoValues.Truthy(value);

    /// <inheritdoc />
    public override string ObjectToString(object? value, bool nested = false) => value switch
    {
        // Go would print "<no value>" for a missing key; Scriban cannot tell missing from null, so print nothing.
        null => "",
        string s => s,
        _ => Fmt.Sprint(value),
    };
}
