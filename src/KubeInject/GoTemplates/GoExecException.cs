namespace KubeInject.GoTemplates;

/// <summary>
/// A Go template execution error raised inside a runtime helper (wrong argument, bad comparison); the renderer turns
/// it into a <see cref="Diagnostics.KubeInjectException"/> with the template's name and line.
/// </summary>
internal sealed class GoExecException(string message, Exception? inner = null) : Exception(message, inner);
