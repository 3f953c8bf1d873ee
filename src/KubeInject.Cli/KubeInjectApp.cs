using System.CommandLine;

namespace KubeInject.Cli;

/// <summary>Builds the command line and runs it; maps parse errors to the usage exit code.</summary>
internal static class KubeInjectApp
{
    public static int Run(string[] args, CliContext context)
    {
        var inject = new InjectCommand(context);
        var root = inject.Build();
        root.Subcommands.Add(new UninjectCommand(context).Build());
        root.Subcommands.Add(new CheckCommand(context).Build());
        root.Subcommands.Add(new VersionCommand(context).Build());
        root.Subcommands.Add(new KrmCommand(context).Build());
        root.Subcommands.Add(new TemplatesCommand(context).Build());
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) context.Stderr.WriteLine($"kube-inject: error: {error.Message}");
            context.Stderr.WriteLine("Run 'kube-inject --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(config);
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
