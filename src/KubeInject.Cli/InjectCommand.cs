using System.CommandLine;
using KubeInject.Diagnostics;
using KubeInject.Rendering;

namespace KubeInject.Cli;

/// <summary>
/// The root command: <c>kube-inject -f FILE|- [-o FILE]</c> and the Git workflow flags. It parses arguments,
/// calls the library and prints; all decisions live in the library.
/// </summary>
internal sealed class InjectCommand(CliContext context)
{
    private readonly Option<string[]> _files = new("--filename", "-f") { Description = "Input file, directory, or - for stdin (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Argument<string[]> _paths = new("paths") { Description = "More input files or directories (as pre-commit passes them).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Output file (default: stdout). With several inputs, a directory (ending in /) that mirrors the input tree." };
    private readonly Option<string?> _values = new("--values", "--valuesFile") { Description = "istio-sidecar-injector ConfigMap data.values (JSON or YAML). Default: bundled chart defaults." };
    private readonly Option<string?> _mesh = new("--mesh-config", "--meshConfigFile") { Description = "istio ConfigMap data.mesh, applied over Istio's mesh defaults. Default: bundled default mesh." };
    private readonly Option<string?> _injectorConfig = new("--injector-config", "--injectConfigFile") { Description = "istio-sidecar-injector ConfigMap data.config; only checked against the stock templates (a warning when they differ)." };
    private readonly Option<string?> _revision = new("--revision", "-r") { Description = "Control-plane revision (default: the default revision)." };
    private readonly Option<string?> _version = new("--istio-version") { Description = "Istio version whose templates and defaults to use (e.g. 1.23 or 1.23.0). Default: the newest bundled." };
    private readonly Option<string> _native = new("--native-sidecars") { Description = "true | false | auto (auto: off unless ENABLE_NATIVE_SIDECARS=true, like istioctl offline).", DefaultValueFactory = _ => "auto" };
    private readonly Option<string?> _templates = new("--templates") { Description = "Directory with Scriban templates (<name>.scriban) that override the embedded ones." };
    private readonly Option<bool> _diff = new("--diff") { Description = "Print a unified diff per file instead of the YAML." };
    private readonly Option<bool> _check = new("--check") { Description = "Write nothing; exit 1 when any file would change." };
    private readonly Option<bool> _inPlace = new("--in-place", "-i") { Description = "Rewrite changed files in place (atomically); unchanged files are not touched." };
    private readonly Option<bool> _recursive = new("--recursive", "-R") { Description = "Recurse into directories." };
    private readonly Option<string> _color = new("--color") { Description = "Colour diffs: auto | always | never.", DefaultValueFactory = _ => "auto" };
    private readonly Option<string?> _config = new("--config") { Description = $"Repository config file (default: the nearest {RepoConfig.FileName} up from the working directory)." };
    private readonly Option<string> _format = new("--output-format") { Description = "yaml (the injected manifests) | patch (per injected workload, a kustomize strategic merge patch).", DefaultValueFactory = _ => "yaml" };
    private readonly Option<string> _report = new("--report") { Description = "Per-workload report on stderr: text | json | none.", DefaultValueFactory = _ => "text" };

    public RootCommand Build()
    {
        var root = new RootCommand("Inject Istio's sidecar into Kubernetes manifests, offline and Git-friendly (a drop-in for istioctl kube-inject).");
        foreach (var o in new Option[] { _files, _output, _values, _mesh, _injectorConfig, _revision, _version, _native, _templates, _diff, _check, _inPlace, _recursive, _color, _report, _config, _format })
            root.Options.Add(o);
        root.Arguments.Add(_paths);
        _native.AcceptOnlyFromAmong("true", "false", "auto");
        _color.AcceptOnlyFromAmong("auto", "always", "never");
        _report.AcceptOnlyFromAmong("text", "json", "none");
        _format.AcceptOnlyFromAmong("yaml", "patch");
        root.SetAction(Execute);
        return root;
    }

    private int Execute(ParseResult parse)
    {
        var inputs = (parse.GetValue(_files) ?? []).Concat(parse.GetValue(_paths) ?? []).ToList();
        try
        {
            _repoConfig = RepoConfig.Load(parse.GetValue(_config), Directory.GetCurrentDirectory());
        }
        catch (KubeInjectException e)
        {
            return Fail(e);
        }
        string? stdinText = null;
        if (inputs.Count == 0)
        {
            // As a Helm post-renderer or kustomize exec function: no arguments, manifests on stdin.
            bool interactive = ReferenceEquals(context.Stdin, Console.In) && !Console.IsInputRedirected;
            stdinText = interactive ? "" : InputFile.ReadStdin(context.Stdin);
            if (stdinText.Length == 0) return Usage("filename not specified (see --filename or -f, or pass paths)");
            inputs.Add("-");
        }
        // Unknown options land in the positional paths; a path never starts with '-' unless it exists.
        if (inputs.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
            return Usage($"unrecognized option '{unknown}'");
        bool check = parse.GetValue(_check), inPlace = parse.GetValue(_inPlace), diff = parse.GetValue(_diff);
        string? output = parse.GetValue(_output);
        if (inPlace && output is not null) return Usage("--in-place and --output cannot be combined");
        if (check && (inPlace || output is not null)) return Usage("--check writes nothing; it cannot be combined with --in-place or --output");

        bool patches = parse.GetValue(_format) == "patch";
        if (patches && (inPlace || check || diff)) return Usage("--output-format patch writes patches; it cannot be combined with --in-place, --check or --diff");

        Injector injector;
        try
        {
            var options = BuildOptions(parse);
            // A ResourceList on stdin (kpt, kustomize): act as a KRM function, the flags being its defaults.
            if (inputs is ["-"] && !check && !diff && output is null && !patches
                && KubeInject.Krm.KrmFunction.IsResourceList(stdinText ??= InputFile.ReadStdin(context.Stdin)))
                return KrmCommand.Run(stdinText, context, options);
            injector = new Injector(options);
        }
        catch (KubeInjectException e)
        {
            return Fail(e);
        }
        foreach (var w in injector.Warnings) context.Stderr.WriteLine($"kube-inject: warning: {w}");

        var files = InputExpander.Expand(inputs, parse.GetValue(_recursive), out var missing)
            .Where(f => f.IsStdin || _repoConfig.Selects(f.Path)).ToList();
        int exit = ExitCodes.Ok;
        foreach (var m in missing)
        {
            context.Stderr.WriteLine($"kube-inject: error: {m}: no such file or directory");
            exit = Worst(exit, ExitCodes.MissingInput);
        }
        bool mirror = output is not null && (files.Count > 1 || output.EndsWith('/') || Directory.Exists(output));
        bool color = ColorEnabled(parse.GetValue(_color)!);
        var reporter = new ReportPrinter(context.Stderr, parse.GetValue(_report)!);
        bool anyChanged = false;

        foreach (var file in files)
        {
            string text;
            try
            {
                text = file.IsStdin ? stdinText ??= InputFile.ReadStdin(context.Stdin) : InputFile.Read(file.Path);
            }
            catch (IOException e)
            {
                context.Stderr.WriteLine($"kube-inject: error: {file.Display}: {e.Message}");
                exit = Worst(exit, ExitCodes.MissingInput);
                continue;
            }
            if (_repoConfig.SkipTemplates && !file.IsStdin && text.Contains("{{", StringComparison.Ordinal))
            {
                context.Stderr.WriteLine($"kube-inject: {file.Display}: skipped: it holds template markup ({{{{ … }}}}); render it first (set skipTemplates: false in {RepoConfig.FileName} to process it)");
                continue;
            }
            try
            {
                if (patches)
                {
                    var patchResult = injector.InjectAsPatches(text, file.Display);
                    string? patchTarget = output is null ? null : mirror ? Path.Combine(output, file.RelativePath) : output;
                    if (patchTarget is null) context.Stdout.Write(patchResult.Output);
                    else if (patchResult.Changed)
                    {
                        using var atomicPatch = AtomicFile.Create(patchTarget);
                        atomicPatch.Writer.Write(patchResult.Output);
                        atomicPatch.Commit();
                    }
                    reporter.Add(file.Display, new InjectionSummary(patchResult.Changed, patchResult.Workloads, patchResult.Warnings));
                    continue;
                }
                var summary = Process(injector, file, text, check, diff, inPlace, output is null ? null : mirror ? Path.Combine(output, file.RelativePath) : output, color);
                reporter.Add(file.Display, summary);
                anyChanged |= summary.Changed;
            }
            catch (KubeInjectException e)
            {
                exit = Worst(exit, Fail(e));
            }
        }
        context.Stdout.Flush();
        reporter.Flush();
        if (exit == ExitCodes.Ok && check && anyChanged) exit = ExitCodes.CheckFoundWork;
        return exit;
    }

    // One input: stream it where it goes. Files are written through a temp file that is renamed only when
    // the whole input succeeded, so an error never leaves a half-written file.
    private InjectionSummary Process(Injector injector, InputSource file, string text, bool check, bool diff, bool inPlace, string? outputPath, bool color)
    {
        if (check || diff)
        {
            var result = injector.Inject(text, file.Display);
            if (diff && result.Changed)
            {
                var d = Writing.UnifiedDiff.Create(text, result.Output, "a/" + file.Display, "b/" + file.Display);
                context.Stdout.Write(color ? Writing.UnifiedDiff.Colorize(d) : d);
            }
            return new InjectionSummary(result.Changed, result.Workloads, result.Warnings);
        }
        string? target = inPlace && !file.IsStdin ? file.Path : outputPath;
        if (target is null) return injector.Inject(text, file.Display, context.Stdout);
        using var atomic = AtomicFile.Create(target);
        var summary = injector.Inject(text, file.Display, atomic.Writer);
        // In place, an unchanged file is not touched at all (its modification time stays).
        if (!inPlace || summary.Changed) atomic.Commit();
        return summary;
    }

    private RepoConfig _repoConfig = RepoConfig.None;

    private InjectionOptions BuildOptions(ParseResult parse)
    {
        var config = _repoConfig;
        string? Read(string? path, string what)
        {
            if (path is null) return null;
            if (!File.Exists(path)) throw new KubeInjectException($"{what} file not found", new SourceLocation(path), ErrorKind.MissingInput);
            return InputFile.Read(path);
        }
        var templatesDir = parse.GetValue(_templates);
        if (templatesDir is not null && !Directory.Exists(templatesDir))
            throw new KubeInjectException("templates directory not found", new SourceLocation(templatesDir), ErrorKind.MissingInput);
        return new InjectionOptions
        {
            IstioVersion = parse.GetValue(_version) ?? config.IstioVersion,
            ValuesText = Read(parse.GetValue(_values) ?? config.Values, "values"),
            ValuesName = parse.GetValue(_values) ?? config.Values ?? "values",
            MeshConfigText = Read(parse.GetValue(_mesh) ?? config.MeshConfig, "mesh config"),
            MeshConfigName = parse.GetValue(_mesh) ?? config.MeshConfig ?? "mesh config",
            InjectorConfigText = Read(parse.GetValue(_injectorConfig) ?? config.InjectorConfig, "injector config"),
            InjectorConfigName = parse.GetValue(_injectorConfig) ?? config.InjectorConfig ?? "injector config",
            Revision = parse.GetValue(_revision) ?? config.Revision ?? "",
            NativeSidecars = (parse.GetResult(_native) is { Implicit: false } ? parse.GetValue(_native) : config.NativeSidecars ?? "auto") switch { "true" => NativeSidecarMode.Enabled, "false" => NativeSidecarMode.Disabled, _ => NativeSidecarMode.Auto },
            Templates = templatesDir is null ? null : new DirectoryTemplateSource(templatesDir),
            Environment = context.Environment,
        };
    }

    private bool ColorEnabled(string mode) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => !Console.IsOutputRedirected && !context.Environment.ContainsKey("NO_COLOR") && ReferenceEquals(context.Stdout, Console.Out),
    };

    private int Usage(string message)
    {
        context.Stderr.WriteLine($"kube-inject: error: {message}");
        context.Stderr.WriteLine("Run 'kube-inject --help' for usage.");
        return ExitCodes.Usage;
    }

    private int Fail(KubeInjectException e)
    {
        context.Stderr.WriteLine($"kube-inject: error: {e}");
        return e.Kind switch
        {
            ErrorKind.MissingInput => ExitCodes.MissingInput,
            ErrorKind.Usage => ExitCodes.Usage,
            _ => ExitCodes.BadInput,
        };
    }

    // The exit code that tells the most: usage and missing inputs over bad input over "would change".
    private static int Worst(int a, int b) => Math.Max(a, b);
}
