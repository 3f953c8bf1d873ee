using System.CommandLine;

namespace KubeInject.Cli;

/// <summary>Builds the command line and runs it; maps parse errors to the usage exit code.</summary>
internal static class KubeInjectApp
{
    public static int Run(string[] args, CliContext context)
    {
        // A failed write to stdout (a full disk, a closed pipe) is an output error naming stdout: exit 74.
        if (context.Stdout is not GuardedWriter) context = context with { Stdout = new GuardedWriter(context.Stdout, "stdout") };
        // `kube-inject help [command]` is `kube-inject [command] --help`.
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var inject = new InjectCommand(context);
        var root = inject.Build();
        root.Subcommands.Add(new UninjectCommand(context).Build());
        root.Subcommands.Add(new CheckCommand(context).Build());
        root.Subcommands.Add(new VersionCommand(context).Build());
        root.Subcommands.Add(new KrmCommand(context).Build());
        root.Subcommands.Add(new TemplatesCommand(context).Build());
        root.Subcommands.Add(new CompletionCommand(context, () => root).Build());
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Stderr.WriteLine($"kube-inject: error: {error.Message}");
            context.Stderr.WriteLine("Run 'kube-inject --help' for usage.");
            return ExitCodes.Usage;
        }
        // Options of the root command given before a subcommand would be ignored by it ("--config x check"): refuse.
        if (parse.CommandResult.Command != root
            && parse.RootCommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>().FirstOrDefault(o => !o.Implicit) is { } early)
        {
            string name = early.IdentifierToken?.Value ?? early.Option.Name;
            context.Stderr.WriteLine($"kube-inject: error: {name} is given before the subcommand '{parse.CommandResult.Command.Name}'; put it after the subcommand");
            context.Stderr.WriteLine("Run 'kube-inject --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(config);
        }
        catch (OutputException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e.Message}");
            return ExitCodes.OutputError;
        }
        catch (KubeInject.Diagnostics.KubeInjectException e)
        {
            // Bad input met outside a command's own error handling (e.g. stdin that is not UTF-8).
            context.Stderr.WriteLine($"kube-inject: error: {e}");
            return e.Kind switch
            {
                KubeInject.Diagnostics.ErrorKind.MissingInput => ExitCodes.MissingInput,
                KubeInject.Diagnostics.ErrorKind.Usage => ExitCodes.Usage,
                _ => ExitCodes.BadInput,
            };
        }
        catch (Exception e)
        {
            // A bug, not bad input: say so plainly, with the exception type, but no stack trace.
            context.Stderr.WriteLine($"kube-inject: internal error ({e.GetType().Name}): {e.Message}");
            context.Stderr.WriteLine("This is a bug in kube-inject; please report it with the input that caused it.");
            return ExitCodes.Internal;
        }
    }
}
