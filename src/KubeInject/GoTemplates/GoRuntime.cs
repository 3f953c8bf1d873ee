using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KubeInject.GoTemplates;

/// <summary>
/// The helper functions translated templates call: <c>go_field</c>, <c>go_method</c>, <c>go_range_keys</c>, <c>go_range_elem</c>,
/// <c>go_float</c>, <c>go_fail</c>, and every function of the map as <c>gf_&lt;go name&gt;</c>. They carry Go's
/// semantics where Scriban's differ; truth tests and printing need none, the render context applies Go's (see
/// <see cref="GoTemplate.Render"/>), since a helper call costs far more than Scriban's own if or output. Each is a plain
/// <see cref="IScriptCustomFunction"/> taking Scriban's evaluated arguments as they are: no reflection and no
/// argument conversion per call (a render makes thousands). One shared, read-only instance serves every render.
/// </summary>
internal sealed class GoRuntime : ScriptObject
{
    /// <summary>The shared instance.</summary>
    public static readonly GoRuntime Shared = Create();

    private GoRuntime() : base(256, autoImportStaticsFromThisType: false) { }

    /// <summary>The Scriban name of Go function <paramref name="goName"/>.</summary>
    public static string FunctionName(string goName) => "gf_" + goName;

    private static GoRuntime Create()
    {
        var r = new GoRuntime();
        r.Add("go_field", (_, a) =>
        {
            var v = a[0];
            foreach (var name in (string[])a[1]!) v = GoSemantics.Field(v, name);
            return v;
        });
        r.Add("go_method", (_, a) => GoSemantics.Method(a[0], (string)a[1]!, [.. a.Skip(2)]));
        r.Add("go_range_keys", (_, a) => GoSemantics.RangeKeys(a[0]));
        r.Add("go_range_elem", (_, a) => GoSemantics.RangeElement(a[0], a[1]));
        r.Add("go_float", (_, a) => double.Parse((string)a[0]!, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
        r.Add("go_fail", (_, a) => throw new GoExecException((string)a[0]!));
        foreach (var (name, function) in GoFunctions.All)
        {
            r.Add(FunctionName(name), (c, a) =>
            {
                // A fresh array: Scriban reuses its argument array after the call, and functions may keep theirs.
                var values = new object?[a.Count];
                a.CopyTo(values, 0);
                return function(c, values);
            });
        }
        r.IsReadOnly = true;
        return r;
    }

    private void Add(string name, Func<TemplateContext, ScriptArray, object?> body) => SetValue(name, new Function(body), true);

    // Scriban hands a Direct function its evaluated arguments unconverted.
    private sealed class Function(Func<TemplateContext, ScriptArray, object?> body) : IScriptCustomFunction
    {
        private static readonly string[] ArgumentNames = [.. Enumerable.Range(0, 8).Select(i => "arg" + i)];

        public int RequiredParameterCount => 0;
        public int ParameterCount => 0;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(object);
        // Scriban asks for each argument's parameter info on every call: no string per call.
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), index < ArgumentNames.Length ? ArgumentNames[index] : "arg" + index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            body(context, arguments);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(body(context, arguments));
    }
}
