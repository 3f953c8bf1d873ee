using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// The global scope of one render: the template's shared, read-only names (the Go runtime's helpers and the
/// template's field chains, see <see cref="GoTemplate"/>) and the render's own (<c>go_dot</c>, and the functions
/// Scriban defines for the template's <c>define</c>s as it runs). Scriban looks a global name up in every pushed
/// scope in turn, the last pushed first; one scope that tries the shared names first makes each helper call and
/// chain one dictionary lookup, where separate scopes cost a miss in each scope above the one holding the name.
/// A <see cref="GoRootChain"/> name (<c>go_r3</c>) reads its chain from the dot at each lookup, as <c>go_field</c>
/// would, without a function call.
/// </summary>
internal sealed class GoRenderGlobals : ScriptObject
{
    private readonly ScriptObject _shared;
    private readonly object? _dot;

    /// <summary>A scope over <paramref name="shared"/> whose dot is <paramref name="dot"/>.</summary>
    public GoRenderGlobals(ScriptObject shared, object? dot) : base(4, autoImportStaticsFromThisType: false)
    {
        _shared = shared;
        _dot = dot;
        this["go_dot"] = dot;
    }

    /// <inheritdoc />
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (!_shared.TryGetValue(context, span, member, out value)) return base.TryGetValue(context, span, member, out value);
        // Not cached: a function such as sprig's set may change the data between two reads.
        if (value is GoRootChain chain) value = chain.Read(_dot);
        return true;
    }

    /// <inheritdoc />
    public override bool Contains(string member) => _shared.Contains(member) || base.Contains(member);

    /// <inheritdoc />
    public override bool CanWrite(string member) => !_shared.Contains(member) && base.CanWrite(member);
}
