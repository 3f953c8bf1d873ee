using System.CommandLine;

namespace KubeInject.Cli;

/// <summary>
/// The input/output options every file-processing command shares (<c>-f</c>, paths, <c>-o</c>, <c>--diff</c>,
/// <c>--check</c>, <c>--in-place</c>, <c>-R</c>, <c>--color</c>, <c>--report</c>, <c>--config</c>); one instance per command.
/// </summary>
internal sealed class InputOutputOptions
{
    public Option<string[]> Files { get; } = new("--filename", "-f") { Description = "Input file, directory, or - for stdin (repeatable).", AllowMultipleArgumentsPerToken = false };
    public Argument<string[]> Paths { get; } = new("paths") { Description = "More input files or directories (as pre-commit passes them).", Arity = ArgumentArity.ZeroOrMore };
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Output file (default: stdout). With several inputs, a directory (ending in /) that mirrors the input tree." };
    public Option<bool> Diff { get; } = new("--diff") { Description = "Print a unified diff per file instead of the YAML." };
    public Option<bool> Check { get; } = new("--check") { Description = "Write nothing; exit 1 when any file would change." };
    public Option<bool> InPlace { get; } = new("--in-place", "-i") { Description = "Rewrite changed files in place (atomically); unchanged files are not touched." };
    public Option<bool> Recursive { get; } = new("--recursive", "-R") { Description = "Recurse into directories." };
    public Option<string> Color { get; } = new("--color") { Description = "Colour diffs: auto | always | never.", DefaultValueFactory = _ => "auto" };
    public Option<string?> Config { get; } = new("--config") { Description = $"Repository config file (default: the nearest {RepoConfig.FileName} up from the working directory)." };
    public Option<string> Report { get; } = new("--report") { Description = "Per-workload report on stderr: text | json | none.", DefaultValueFactory = _ => "text" };

    /// <summary>The options, in the order help lists them after the command's own.</summary>
    public IEnumerable<Option> Options => [Files, Output, Diff, Check, InPlace, Recursive, Color, Report, Config];

    /// <summary>Adds the options (those not added yet, e.g. <c>-f</c>/<c>-o</c> listed first) and the paths argument.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in Options)
            if (!command.Options.Contains(o)) command.Options.Add(o);
        command.Arguments.Add(Paths);
        Color.AcceptOnlyFromAmong("auto", "always", "never");
        Report.AcceptOnlyFromAmong("text", "json", "none");
    }
}
