using System.CommandLine;
using KubeInject.Checking;
using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// <c>kube-inject version [paths…]</c>: the offline twin of <c>istioctl version</c>'s data-plane line, counting the
/// sidecars in the manifests by proxy version.
/// </summary>
internal sealed class VersionCommand(CliContext context)
{
    private readonly Option<string[]> _files = new("--filename", "-f") { Description = "Input file, directory, or - for stdin (repeatable)." };
    private readonly Argument<string[]> _paths = new("paths") { Description = "Input files or directories.", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> _recursive = new("--recursive", "-R") { Description = "Recurse into directories." };
    private readonly Option<string> _namespace = new("--namespace", "-n") { Description = "Namespace of workloads whose manifest names none.", DefaultValueFactory = _ => "default" };
    private readonly Option<string> _output = new("--output", "-o") { Description = "text | json.", DefaultValueFactory = _ => "text" };

    public Command Build()
    {
        var command = new Command("version", "Count the sidecars in manifests by proxy version (istioctl version's data-plane line, offline).");
        foreach (var o in new Option[] { _files, _recursive, _namespace, _output })
            command.Options.Add(o);
        command.Arguments.Add(_paths);
        _output.AcceptOnlyFromAmong("text", "json");
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var paths = (parse.GetValue(_files) ?? []).Concat(parse.GetValue(_paths) ?? []).ToList();
        if (paths.Count == 0) return Usage("no manifests given (pass files or directories, or - for stdin)");
        if (ManifestInputs.UnknownOption(paths) is { } unknown) return Usage($"unrecognized option '{unknown}'");
        var inputs = ManifestInputs.Read(paths, parse.GetValue(_recursive), context, out int exit);
        IReadOnlyList<DataPlaneVersion> versions;
        try
        {
            versions = DataPlaneCensus.Take(inputs, parse.GetValue(_namespace)!);
        }
        catch (KubeInjectException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e}");
            return ExitCodes.BadInput;
        }
        if (parse.GetValue(_output) == "json") CheckPrinter.Json(context.Stdout, versions);
        else CheckPrinter.Text(context.Stdout, versions);
        context.Stdout.Flush();
        return exit;
    }

    private int Usage(string message)
    {
        context.Stderr.WriteLine($"kube-inject: error: {message}");
        context.Stderr.WriteLine("Run 'kube-inject version --help' for usage.");
        return ExitCodes.Usage;
    }
}
