using System.CommandLine;
using KubeInject.Krm;

namespace KubeInject.Cli;

/// <summary>
/// <c>kube-inject krm</c>: a KRM function for kpt (<c>kpt fn eval DIR --exec 'kube-inject krm'</c>) and kustomize
/// (exec transformer). Reads a ResourceList on stdin, writes the injected ResourceList on stdout; the library does
/// the work (<see cref="KrmFunction"/>). The root command hands over here too when its stdin is a ResourceList.
/// </summary>
internal sealed class KrmCommand(CliContext context)
{
    public Command Build()
    {
        var command = new Command("krm", "Run as a KRM function (kpt, kustomize): ResourceList on stdin, injected ResourceList on stdout; settings from functionConfig. With CONFIG (kustomize's legacy exec plugin), stdin is a plain manifest stream and CONFIG holds the settings.");
        var config = new Argument<string?>("config") { Description = "functionConfig file (kustomize legacy exec plugin form).", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(config);
        command.SetAction(parse => parse.GetValue(config) is { } path ? RunLegacy(path, InputFile.ReadStdin(context.Stdin), context) : Run(InputFile.ReadStdin(context.Stdin), context));
        return command;
    }

    /// <summary>kustomize's legacy exec plugin: settings from the config file, manifests on stdin, manifests on stdout.</summary>
    private static int RunLegacy(string configPath, string manifests, CliContext context)
    {
        try
        {
            var config = SettingsOptions.ReadFile(configPath, "config")!;
            var options = new KrmFunction(new InjectionOptions { Environment = context.Environment }).OptionsFor(config);
            var summary = new Injector(options).Inject(manifests, "stdin", context.Stdout);
            context.Stdout.Flush();
            context.Stderr.WriteLine($"kube-inject: krm: {summary.Workloads.Count(w => w.Injected)} of {summary.Workloads.Count} workloads injected");
            return ExitCodes.Ok;
        }
        catch (KubeInject.Diagnostics.KubeInjectException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e}");
            return e.Kind == KubeInject.Diagnostics.ErrorKind.MissingInput ? ExitCodes.MissingInput : ExitCodes.BadInput;
        }
    }

    /// <summary>Processes a ResourceList text; problems go into its results (and a summary on stderr).</summary>
    public static int Run(string resourceList, CliContext context, InjectionOptions? defaults = null)
    {
        var function = new KrmFunction(defaults ?? new InjectionOptions { Environment = context.Environment });
        var result = function.Run(resourceList);
        context.Stdout.Write(result.Output);
        context.Stdout.Flush();
        foreach (var r in result.Results.Where(r => r.Severity != "info"))
            context.Stderr.WriteLine($"kube-inject: {r.Severity}: {(r.FilePath is null ? "" : r.FilePath + ": ")}{r.Message}");
        int injected = result.Workloads.Count(w => w.Injected);
        context.Stderr.WriteLine($"kube-inject: krm: {injected} of {result.Workloads.Count} workloads injected");
        return result.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
