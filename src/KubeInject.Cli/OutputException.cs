namespace KubeInject.Cli;

/// <summary>Writing an output (a file, or stdout) failed: exit 74, not an input error and not a bug.</summary>
internal sealed class OutputException(string path, Exception inner)
    : Exception($"{path}: cannot write: {inner.Message}", inner)
{
    /// <summary>The output's name (a path, or "stdout").</summary>
    public string Path { get; } = path;

    /// <summary>Runs <paramref name="action"/>, turning an I/O or permission failure into an <see cref="OutputException"/>.</summary>
    public static void Guard(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, e);
        }
    }

    /// <inheritdoc cref="Guard(string, Action)"/>
    public static T Guard<T>(string path, Func<T> func)
    {
        try
        {
            return func();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, e);
        }
    }
}

/// <summary>A writer whose I/O failures are <see cref="OutputException"/>s naming the output (so they exit 74).</summary>
internal sealed class GuardedWriter(TextWriter inner, string name) : TextWriter
{
    /// <summary>The writer this one wraps.</summary>
    public TextWriter Inner => inner;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => OutputException.Guard(name, () => inner.Write(value));

    public override void Write(string? value) => OutputException.Guard(name, () => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => OutputException.Guard(name, () => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(name, e);
        }
    }

    public override void WriteLine(string? value) => OutputException.Guard(name, () => inner.WriteLine(value));

    public override void Flush() => OutputException.Guard(name, inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing) OutputException.Guard(name, inner.Dispose);
        base.Dispose(disposing);
    }
}
