using System.CommandLine;
using KubeInject.Checking;
using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// <c>kube-inject version [paths…]</c>: the offline twin of <c>istioctl version</c>: the tool's version and the bundled
/// Istio versions (<c>--remote=false</c>), and, given manifests, the data-plane line counting their sidecars by proxy version.
/// </summary>
internal sealed class VersionCommand(CliContext context)
{
    private readonly Option<string[]> _files = new("--filename", "-f") { Description = "Input file, directory, or - for stdin (repeatable)." };
    private readonly Argument<string[]> _paths = new("paths") { Description = "Input files or directories.", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> _recursive = new("--recursive", "-R") { Description = "Recurse into directories." };
    private readonly Option<string> _namespace = new("--namespace", "-n") { Description = "Namespace of workloads whose manifest names none.", DefaultValueFactory = _ => "default" };
    private readonly Option<string> _output = new("--output", "-o") { Description = "text | json.", DefaultValueFactory = _ => "text" };
    private readonly Option<bool> _proxies = new("--proxies") { Description = "Also list every proxy the manifests will run: workload, namespace, proxy version, target version, STALE where they differ (istioctl proxy-status, offline)." };
    private readonly Option<string?> _version = new("--istio-version") { Description = "With --proxies: the Istio version the cluster runs. Default: the istioVersion of the repository config, else the newest bundled." };
    private readonly Option<string?> _config = new("--config") { Description = $"Repository config file (default: the nearest {RepoConfig.FileName}): its workloads, include/exclude globs and (with --proxies) istioVersion apply." };

    public Command Build()
    {
        var command = new Command("version", "Print the tool's version and bundled Istio versions; given manifests, count their sidecars by proxy version (istioctl version's data-plane line, offline).");
        foreach (var o in new Option[] { _files, _recursive, _namespace, _output, _proxies, _version, _config })
            command.Options.Add(o);
        command.Arguments.Add(_paths);
        _output.AcceptOnlyFromAmong("text", "json");
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var paths = (parse.GetValue(_files) ?? []).Concat(parse.GetValue(_paths) ?? []).ToList();
        if (ManifestInputs.UnknownOption(paths) is { } unknown) return Usage($"unrecognized option '{unknown}'{Suggestions.ForOption(unknown, parse)}");
        bool json = parse.GetValue(_output) == "json";
        bool proxies = parse.GetValue(_proxies);
        if (paths.Count == 0 && proxies) return Usage("--proxies needs manifests (pass files or directories, or - for stdin)");
        if (paths.Count == 0)
        {
            if (json)
            {
                context.Stdout.WriteLine(JsonOut.Write(new System.Text.Json.Nodes.JsonObject
                {
                    ["clientVersion"] = ToolVersion,
                    ["bundledIstioVersions"] = Injector.BundledIstioVersions.ToJsonArray(),
                    ["defaultIstioVersion"] = Injector.DefaultIstioVersion,
                }, JsonOut.Indented));
            }
            else
            {
                context.Stdout.WriteLine($"client version: {ToolVersion}");
                context.Stdout.WriteLine($"bundled Istio versions: {string.Join(", ", Injector.BundledIstioVersions)} (default {Injector.DefaultIstioVersion})");
            }
            context.Stdout.Flush();
            return ExitCodes.Ok;
        }
        IReadOnlyList<DataPlaneVersion> versions;
        IReadOnlyList<ProxyStatus>? statuses = null;
        int exit;
        try
        {
            var repo = RepoConfig.Load(parse.GetValue(_config), Directory.GetCurrentDirectory());
            var inputs = ManifestInputs.Read(paths, parse.GetValue(_recursive), context, out exit, repo.Selects);
            versions = DataPlaneCensus.Take(inputs, parse.GetValue(_namespace)!, repo.Workloads);
            if (proxies)
            {
                // The target version as check resolves it: the flag, else the repository's pinned version.
                string? target = parse.GetValue(_version) ?? repo.IstioVersion;
                statuses = DataPlaneCensus.Proxies(inputs, target, parse.GetValue(_namespace)!, repo.Workloads);
            }
        }
        catch (KubeInjectException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e}");
            return e.Kind switch { ErrorKind.Usage => ExitCodes.Usage, ErrorKind.MissingInput => ExitCodes.MissingInput, _ => ExitCodes.BadInput };
        }
        if (json) CheckPrinter.Json(context.Stdout, versions, statuses);
        else
        {
            context.Stdout.WriteLine($"client version: {ToolVersion}");
            CheckPrinter.Text(context.Stdout, versions);
            if (statuses is not null) CheckPrinter.Text(context.Stdout, statuses);
        }
        context.Stdout.Flush();
        return exit;
    }

    /// <summary>The tool's version (the assembly's informational version, without the commit suffix).</summary>
    internal static string ToolVersion
    {
        get
        {
            var v = typeof(VersionCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
            int plus = v.IndexOf('+');
            return plus > 0 ? v[..plus] : v;
        }
    }

    private int Usage(string message)
    {
        context.Stderr.WriteLine($"kube-inject: error: {message}");
        context.Stderr.WriteLine("Run 'kube-inject version --help' for usage.");
        return ExitCodes.Usage;
    }
}
