using System.CommandLine;
using KubeInject.Checking;
using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// <c>kube-inject check [paths…]</c>: what the cluster's injection webhook would do with each workload, compared with
/// the manifest, as a table or JSON; exit 79 when a finding reaches <c>--fail-on</c>.
/// </summary>
internal sealed class CheckCommand(CliContext context)
{
    private readonly Option<string[]> _files = new("--filename", "-f") { Description = "Input file, directory, or - for stdin (repeatable)." };
    private readonly Argument<string[]> _paths = new("paths") { Description = "Input files or directories.", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> _recursive = new("--recursive", "-R") { Description = "Recurse into directories." };
    private readonly Option<string?> _version = new("--istio-version") { Description = "The Istio version the cluster runs; sidecars of another version are stale. Default: the newest bundled." };
    private readonly Option<string?> _revision = new("--revision", "-r") { Description = "Control-plane revision whose webhook is modelled (default: the default revision)." };
    private readonly Option<string[]> _namespaceLabels = new("--namespace-labels") { Description = "NS=key=value[,key=value…]: labels of a namespace that has no Namespace document in the input (repeatable)." };
    private readonly Option<string> _namespace = new("--namespace", "-n") { Description = "Namespace of workloads whose manifest names none.", DefaultValueFactory = _ => "default" };
    private readonly Option<bool> _expectInjected = new("--expect-injected") { Description = "The manifests should hold their sidecars (GitOps pre-injection): a missing or stale sidecar is an error." };
    private readonly Option<string> _failOn = new("--fail-on") { Description = "Exit 79 when a finding is at least: error | warning | info.", DefaultValueFactory = _ => "error" };
    private readonly Option<string> _output = new("--output", "-o") { Description = "text | json | sarif (SARIF 2.1.0) | github (GitHub Actions annotations).", DefaultValueFactory = _ => "text" };
    private readonly Option<string?> _mesh = new("--mesh-config", "--meshConfigFile") { Description = "istio ConfigMap data.mesh: its rootNamespace is where mesh-wide policies live (default istio-system)." };
    private readonly Option<string?> _injectorConfig = new("--injector-config", "--injectConfigFile") { Description = "istio-sidecar-injector ConfigMap data.config (or the whole ConfigMap): its policy, neverInjectSelector and alwaysInjectSelector decide as in the cluster's webhook." };
    private readonly Option<string?> _config = new("--config") { Description = $"Repository config file (default: the nearest {RepoConfig.FileName}): its istioVersion, revision and include/exclude globs apply." };

    public Command Build()
    {
        var command = new Command("check", "Explain, offline, what the cluster's injection webhook would do with each workload, what a missing sidecar breaks (STRICT mutual TLS, Istio policies), and find stale sidecars.");
        foreach (var o in new Option[] { _files, _recursive, _version, _revision, _namespaceLabels, _namespace, _expectInjected, _failOn, _output, _mesh, _injectorConfig, _config })
            command.Options.Add(o);
        command.Arguments.Add(_paths);
        _failOn.AcceptOnlyFromAmong("error", "warning", "info");
        _output.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var paths = (parse.GetValue(_files) ?? []).Concat(parse.GetValue(_paths) ?? []).ToList();
        if (paths.Count == 0) return Usage("no manifests given (pass files or directories, or - for stdin)");
        if (ManifestInputs.UnknownOption(paths) is { } unknown) return Usage($"unrecognized option '{unknown}'{Suggestions.ForOption(unknown, parse)}");
        var labels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var spec in parse.GetValue(_namespaceLabels) ?? [])
        {
            if (!TryParseNamespaceLabels(spec, out var ns, out var map)) return Usage($"--namespace-labels '{spec}': expected NS=key=value[,key=value…]");
            labels[ns] = map;
        }
        RepoConfig repo;
        string? meshText, injectorText;
        try
        {
            repo = RepoConfig.Load(parse.GetValue(_config), Directory.GetCurrentDirectory());
            meshText = SettingsOptions.ReadFile(parse.GetValue(_mesh) ?? repo.MeshConfig, "mesh config");
            injectorText = SettingsOptions.ReadFile(parse.GetValue(_injectorConfig) ?? repo.InjectorConfig, "injector config");
        }
        catch (KubeInjectException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e}");
            return e.Kind switch { ErrorKind.Usage => ExitCodes.Usage, ErrorKind.MissingInput => ExitCodes.MissingInput, _ => ExitCodes.BadInput };
        }
        // A repository pinned to a version is checked against that version (flags still win).
        var options = new CheckOptions
        {
            IstioVersion = parse.GetValue(_version) ?? repo.IstioVersion,
            Revision = parse.GetValue(_revision) ?? repo.Revision ?? "",
            ExpectInjected = parse.GetValue(_expectInjected),
            NamespaceLabels = labels,
            DefaultNamespace = parse.GetValue(_namespace)!,
            Workloads = repo.Workloads,
            MeshConfigText = meshText,
            MeshConfigName = parse.GetValue(_mesh) ?? repo.MeshConfig ?? "mesh config",
            InjectorConfigText = injectorText,
            InjectorConfigName = parse.GetValue(_injectorConfig) ?? repo.InjectorConfig ?? "injector config",
        };

        var inputs = ManifestInputs.Read(paths, parse.GetValue(_recursive), context, out int exit, repo.Selects);
        CheckResult result;
        try
        {
            result = new InjectionChecker(options).Check(inputs);
        }
        catch (KubeInjectException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e}");
            return e.Kind == ErrorKind.Usage ? ExitCodes.Usage : ExitCodes.BadInput;
        }
        switch (parse.GetValue(_output))
        {
            case "json": CheckPrinter.Json(context.Stdout, result); break;
            case "sarif": CheckFormats.Sarif(context.Stdout, result, VersionCommand.ToolVersion); break;
            case "github": CheckFormats.GitHub(context.Stdout, result); break;
            default: CheckPrinter.Text(context.Stdout, result); break;
        }
        context.Stdout.Flush();
        if (exit != ExitCodes.Ok) return exit;
        var threshold = Enum.Parse<FindingSeverity>(parse.GetValue(_failOn)!, ignoreCase: true);
        return result.HasFindingsAtOrAbove(threshold) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary><c>default=istio-injection=enabled,team=a</c> → <c>default</c> and its labels (an empty list is allowed: <c>NS=</c>).</summary>
    internal static bool TryParseNamespaceLabels(string spec, out string ns, out Dictionary<string, string> labels)
    {
        labels = new Dictionary<string, string>(StringComparer.Ordinal);
        int eq = spec.IndexOf('=');
        ns = eq > 0 ? spec[..eq].Trim() : "";
        if (ns.Length == 0) return false;
        foreach (var pair in spec[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int i = pair.IndexOf('=');
            if (i <= 0) return false;
            labels[pair[..i]] = pair[(i + 1)..];
        }
        return true;
    }

    private int Usage(string message)
    {
        context.Stderr.WriteLine($"kube-inject: error: {message}");
        context.Stderr.WriteLine("Run 'kube-inject check --help' for usage.");
        return ExitCodes.Usage;
    }
}
