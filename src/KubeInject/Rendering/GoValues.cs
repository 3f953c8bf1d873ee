using System.Globalization;
using KubeInject.Go;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// Go <c>text/template</c> value semantics over the Scriban data model (null, bool, int/long, double,
/// string, <see cref="ScriptObject"/> maps, <see cref="ScriptArray"/> lists).
/// </summary>
internal static class GoValues
{
    /// <summary>Go truthiness, and sprig's "non-empty" for <c>default</c>: <see cref="TextTemplate.IsTrue"/>.</summary>
    public static bool Truthy(object? value) => TextTemplate.IsTrue(value);

    /// <summary>An integer argument (template literals are int, spec numbers long, values numbers double).</summary>
    public static long ToInt64(object? value) => value switch
    {
        null => 0,
        int i => i,
        long l => l,
        double d => (long)d,
        float f => (long)f,
        bool b => b ? 1 : 0,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        IConvertible c => c.ToInt64(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"cannot use {Fmt.Sprint(value)} as an integer"),
    };
}
