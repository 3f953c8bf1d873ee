namespace KubeInject.Diagnostics;

/// <summary>Where something is in the input: file, 0-based document index, 1-based line and column.</summary>
/// <param name="File">The input's name as the caller gave it (a path, or "-" / "stdin").</param>
/// <param name="Document">0-based index of the YAML document in the file, or -1 when not known.</param>
/// <param name="Line">1-based line in the file, or 0 when not known.</param>
/// <param name="Column">1-based column, or 0 when not known.</param>
public sealed record SourceLocation(string File, int Document = -1, int Line = 0, int Column = 0)
{
    /// <summary><c>file:line:column</c> (parts that are unknown are left out), then the document index.</summary>
    public override string ToString()
    {
        var s = File;
        if (Line > 0) s += $":{Line}";
        if (Line > 0 && Column > 0) s += $":{Column}";
        if (Document >= 0) s += $" (document {Document + 1})";
        return s;
    }
}
