using Scriban;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// The helper functions translated templates call (imported under snake_case names: <c>go_field</c>,
/// <c>go_print</c>, ...). They carry Go's semantics where Scriban's differ: field access on maps and structs,
/// printing, truth, range order and the function map. One shared, read-only instance serves every render.
/// </summary>
internal sealed class GoRuntime : ScriptObject
{
    /// <summary>The shared instance.</summary>
    public static readonly GoRuntime Shared = new() { IsReadOnly = true };

    /// <summary><c>.A.B.C</c> on a value.</summary>
    public static object? GoField(object? receiver, ScriptArray names)
    {
        var v = receiver;
        foreach (var name in names) v = GoSemantics.Field(v, (string)name!);
        return v;
    }

    /// <summary>An action's output.</summary>
    public static string GoPrint(object? value) => GoSemantics.Print(value);

    /// <summary>Go truth, for <c>if</c>, <c>with</c>, <c>and</c> and <c>or</c>.</summary>
    public static bool GoTruth(object? value) => GoSemantics.Truth(value);

    /// <summary>The keys a <c>range</c> visits, in Go's order.</summary>
    public static ScriptArray GoRangeKeys(object? value) => GoSemantics.RangeKeys(value);

    /// <summary>The element at a range key.</summary>
    public static object? GoRangeElem(object? collection, object? key) => GoSemantics.RangeElement(collection, key);

    /// <summary>Calls a function of the map by its Go name.</summary>
    public static object? GoCall(TemplateContext context, string name, ScriptArray args)
    {
        var values = new object?[args.Count];
        for (int i = 0; i < values.Length; i++) values[i] = args[i];
        return GoFunctions.Call(context, name, values);
    }

    /// <summary>A float64 constant (Scriban has no exponent literal; the text round-trips exactly).</summary>
    public static double GoFloat(string text) => double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An integer constant as Go's <c>int</c>.</summary>
    public static long GoInt(long value) => value;

    /// <summary>Raises an execution error (a construct that is valid syntax but fails when it runs).</summary>
    public static object? GoFail(string message) => throw new GoExecException(message);
}
