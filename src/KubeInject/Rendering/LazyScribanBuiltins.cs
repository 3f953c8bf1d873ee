using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// Scriban's builtin functions (<c>string.*</c>, <c>array.*</c>, <c>include</c>, ...) as the bottom scope of a render,
/// built on the first lookup that reaches them. Translated Go templates call only KubeInject's runtime, so a run
/// normally never builds the builtins: that imports some 300 functions by reflection and costs about 40 ms of a
/// short run. Stateless apart from the builtins it builds, so one instance serves every render.
/// </summary>
internal sealed class LazyScribanBuiltins(Func<ScriptObject> build)
    // No auto-import: a ScriptObject subclass otherwise scans itself for static members by reflection.
    : ScriptObject(0, autoImportStaticsFromThisType: false)
{
    private readonly Lazy<ScriptObject> builtins = new(build);

    /// <summary>Whether a lookup has reached the builtins, so that they were built.</summary>
    public bool Built => builtins.IsValueCreated;

    /// <inheritdoc />
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) =>
        builtins.Value.TryGetValue(context, span, member, out value);

    /// <inheritdoc />
    public override bool Contains(string member) => builtins.Value.Contains(member);

    /// <inheritdoc />
    public override bool CanWrite(string member) => builtins.Value.CanWrite(member);

    /// <inheritdoc />
    public override bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) =>
        builtins.Value.TrySetValue(context, span, member, value, readOnly);

    /// <inheritdoc />
    public override bool Remove(string member) => builtins.Value.Remove(member);
}
