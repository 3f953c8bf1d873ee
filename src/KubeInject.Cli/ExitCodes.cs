namespace KubeInject.Cli;

/// <summary>The one exit-code table for every command (sysexits-style numbers).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary><c>--check</c> found files that would change.</summary>
    public const int CheckFoundWork = 1;
    /// <summary>Bad command line.</summary>
    public const int Usage = 64;
    /// <summary>Malformed or refused input (YAML, annotations, templates, settings).</summary>
    public const int BadInput = 65;
    /// <summary>An input file does not exist.</summary>
    public const int MissingInput = 66;
    /// <summary>A bug: an unexpected exception.</summary>
    public const int Internal = 70;
    /// <summary>Output could not be written (disk full, read-only folder, permission denied, stdout closed).</summary>
    public const int OutputError = 74;
    /// <summary><c>check</c> findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 79;
}
