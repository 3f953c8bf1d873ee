using System.Collections;

namespace KubeInject.Go;

/// <summary>Go's <c>text/template</c> semantics that both template engines share.</summary>
internal static class TextTemplate
{
    /// <summary>
    /// <c>template.IsTrue</c> (what <c>if</c>, <c>with</c>, <c>and</c>, <c>or</c>, <c>not</c> test; also sprig's notion of
    /// "non-empty" for <c>default</c>): false, 0, 0.0, "", nil and empty maps and lists are false, everything else true.
    /// </summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        float f => f != 0,
        decimal m => m != 0,
        IDictionary<string, object?> o => o.Count > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };
}
