using KubeInject.Diagnostics;

namespace KubeInject.GoTemplates;

/// <summary>
/// Errors of the Go template front end: every one is a <see cref="KubeInjectException"/> (bad input, CLI exit 65)
/// naming the template and the line, so a user can find the action in their ConfigMap.
/// </summary>
internal static class GoTemplateError
{
    /// <summary>A parse error at <paramref name="line"/> of template <paramref name="template"/>, worded like Go's (<c>template: NAME:LINE: ...</c>).</summary>
    public static KubeInjectException Parse(string template, int line, string message) =>
        new($"template: {template}:{line}: {message}", new SourceLocation(template, -1, line), ErrorKind.BadInput);

    /// <summary>An execution error (a wrong argument, an unknown field) at <paramref name="line"/>.</summary>
    public static KubeInjectException Exec(string template, int line, string message, Exception? inner = null) =>
        new($"template: {template}:{line}: executing \"{template}\": {message}", new SourceLocation(template, -1, line), ErrorKind.BadInput, inner);
}
