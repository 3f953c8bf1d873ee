namespace KubeInject.Writing;

/// <summary>Placeholder until the writer lands.</summary>
public static class UnifiedDiff
{
    /// <summary>Unified diff.</summary>
    public static string Create(string oldText, string newText, string oldName, string newName, int context = 3) => throw new NotImplementedException();

    /// <summary>ANSI colours.</summary>
    public static string Colorize(string diff) => diff;
}
