using System.CommandLine;
using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// Runs a text-to-text step (inject, uninject) over the inputs a command line names and writes the results the way
/// the flags ask: stdout, <c>-o FILE|DIR/</c>, <c>--in-place</c>, <c>--diff</c>, <c>--check</c>; prints the report and
/// maps failures to the exit-code table. Shared by the root command and <c>uninject</c>.
/// </summary>
internal sealed class FileProcessor(CliContext context, InputOutputOptions options, string command)
{
    /// <summary>
    /// A step ready to run: the per-file function (to a string, for <c>--diff</c>/<c>--check</c>), its streaming form
    /// (document by document from a reader to a writer), and the warnings its settings produced.
    /// </summary>
    public sealed record Step(
        Func<string, string, InjectionResult> Process,
        Func<TextReader, string, TextWriter, InjectionSummary> Stream,
        IReadOnlyList<string> Warnings)
    {
        /// <summary>When set, the output is this function's (per-workload patches) instead of the processed manifests.</summary>
        public Func<string, string, InjectionResult>? Patches { get; init; }

        /// <summary>When set, a ResourceList alone on stdin is handed to it (KRM function mode); returns the exit code.</summary>
        public Func<string, int>? Krm { get; init; }
    }

    /// <summary>
    /// Validates the flags, builds the step (a <see cref="KubeInjectException"/> there is reported with its exit
    /// code), processes every input and returns the exit code; <paramref name="verdict"/> may raise it from the reports.
    /// </summary>
    public int Run(ParseResult parse, Func<RepoConfig, Step> build, Func<IReadOnlyList<WorkloadReport>, int>? verdict = null)
    {
        Progress = ProgressLine.For(context, parse.GetValue(options.Report)!);
        try
        {
            return RunFiles(parse, build, verdict);
        }
        finally
        {
            Progress?.Clear();
        }
    }

    /// <summary>The terminal's progress line for this run (null when not shown): steps hand it to the library as <see cref="InjectionOptions.Progress"/>.</summary>
    public ProgressLine? Progress { get; private set; }

    // What one run decided before touching a file: the step, the files, and where and how output goes.
    private sealed class Plan(Step step, RepoConfig config, List<InputSource> files, string? output, bool check, bool diff, bool inPlace, bool color)
    {
        public Step Step { get; } = step;
        public RepoConfig Config { get; } = config;
        public List<InputSource> Files { get; } = files;
        public string? Output { get; } = output;
        // -o naming a directory (ending in '/', or existing): each file goes to the same relative path under it.
        public bool Mirror { get; } = output is not null && (output.EndsWith('/') || Directory.Exists(output));
        public bool Check { get; } = check;
        public bool Diff { get; } = diff;
        public bool InPlace { get; } = inPlace;
        public bool Color { get; } = color;
        public string? StdinText { get; set; }

        public string? TargetOf(InputSource file) => Output is null ? null : Mirror ? Path.Combine(Output, file.RelativePath) : Output;
    }

    // What the files of one run add up to.
    private sealed class Outcome(ReportPrinter reporter, DocumentSeparatingWriter stdout)
    {
        public ReportPrinter Reporter { get; } = reporter;
        public DocumentSeparatingWriter Stdout { get; } = stdout;
        public List<WorkloadReport> Reports { get; } = [];
        public bool AnyChanged { get; set; }
        public bool StdoutGone { get; set; }
    }

    private int RunFiles(ParseResult parse, Func<RepoConfig, Step> build, Func<IReadOnlyList<WorkloadReport>, int>? verdict)
    {
        int exit = Prepare(parse, build, out var plan);
        if (plan is null) return exit;
        var outcome = new Outcome(new ReportPrinter(context.Stderr, parse.GetValue(options.Report)!), new DocumentSeparatingWriter(context.Stdout));
        foreach (var file in plan.Files)
        {
            exit = Worst(exit, ProcessFile(file, plan, outcome));
            if (outcome.StdoutGone) break; // stdout is gone: the next files could not be written either
        }
        try
        {
            context.Stdout.Flush();
        }
        catch (OutputException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e.Message}");
            exit = Worst(exit, ExitCodes.OutputError);
        }
        outcome.Reporter.Flush();
        if (exit == ExitCodes.Ok && verdict is not null) exit = verdict(outcome.Reports);
        if (exit == ExitCodes.Ok && plan.Check && outcome.AnyChanged) exit = ExitCodes.CheckFoundWork;
        return exit;
    }

    // Reads the flags, the repository config and stdin when no file is named, checks the flags against each other and
    // builds the step. Null plan: stop with the returned exit code (usage, bad settings, or a KRM run already done).
    private int Prepare(ParseResult parse, Func<RepoConfig, Step> build, out Plan? plan)
    {
        plan = null;
        var inputs = (parse.GetValue(options.Files) ?? []).Concat(parse.GetValue(options.Paths) ?? []).ToList();
        RepoConfig repoConfig;
        string? stdinText = null;
        try
        {
            repoConfig = RepoConfig.Load(parse.GetValue(options.Config), Directory.GetCurrentDirectory());
            if (inputs.Count == 0)
            {
                // As a Helm post-renderer or kustomize exec function: no arguments, manifests on stdin.
                bool interactive = ReferenceEquals(context.Stdin, Console.In) && !Console.IsInputRedirected;
                stdinText = interactive ? "" : InputFile.ReadStdin(context.Stdin);
                if (stdinText.Length == 0) return Usage("filename not specified (see --filename or -f, or pass paths)");
                inputs.Add("-");
            }
        }
        catch (KubeInjectException e)
        {
            return Fail(e);
        }
        // Unknown options land in the positional paths; a path never starts with '-' unless it exists.
        if (inputs.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
            return Usage($"unrecognized option '{unknown}'{Suggestions.ForOption(unknown, parse)}");
        bool check = parse.GetValue(options.Check), inPlace = parse.GetValue(options.InPlace), diff = parse.GetValue(options.Diff);
        string? output = parse.GetValue(options.Output);
        if (inPlace && output is not null) return Usage("--in-place and --output cannot be combined");
        if (check && (inPlace || output is not null)) return Usage("--check writes nothing; it cannot be combined with --in-place or --output");
        if (diff && (inPlace || output is not null)) return Usage("--diff prints a diff to stdout and writes no file; it cannot be combined with --in-place or --output");

        Step step;
        try
        {
            step = build(repoConfig);
            if (step.Patches is not null && (inPlace || check || diff))
                return Usage("--output-format patch writes patches; it cannot be combined with --in-place, --check or --diff");
            if (step.Krm is not null && inputs is ["-"] && !check && !diff && output is null && step.Patches is null
                && Krm.KrmFunction.IsResourceList(stdinText ??= InputFile.ReadStdin(context.Stdin)))
                return step.Krm(stdinText);
        }
        catch (KubeInjectException e)
        {
            return Fail(e);
        }
        foreach (var w in step.Warnings) context.Stderr.WriteLine($"kube-inject: warning: {w}");

        var files = InputExpander.Expand(inputs, parse.GetValue(options.Recursive), out var missing, out var skipped)
            .Where(f => f.IsStdin || repoConfig.Selects(f.Path)).ToList();
        foreach (var line in skipped) context.Stderr.WriteLine($"kube-inject: {line}");
        int exit = ExitCodes.Ok;
        foreach (var m in missing)
        {
            context.Stderr.WriteLine($"kube-inject: error: {m}: no such file or directory{Suggestions.ForCommand(m, parse)}");
            exit = Worst(exit, ExitCodes.MissingInput);
        }
        var candidate = new Plan(step, repoConfig, files, output, check, diff, inPlace, ColorEnabled(parse.GetValue(options.Color)!)) { StdinText = stdinText };
        // Several files into one output file would overwrite each other: a directory must be asked for.
        if (output is not null && !candidate.Mirror && files.Count > 1)
            return Usage($"-o {output}: {files.Count} input files need an output directory (end it with '/', or name an existing directory)");
        plan = candidate;
        return exit;
    }

    // One input file through the step, written where the flags say; returns its exit code.
    private int ProcessFile(InputSource file, Plan plan, Outcome outcome)
    {
        var step = plan.Step;
        // --diff and patches need the whole text; everything else (--check too) streams the file through.
        bool whole = plan.Diff || step.Patches is not null || file.IsStdin;
        string? text = null;
        bool markup;
        try
        {
            if (whole) text = file.IsStdin ? plan.StdinText ??= InputFile.ReadStdin(context.Stdin) : InputFile.Read(file.Path);
            // A file with template markup is held whole, so that it can go out unchanged if the markup breaks its YAML.
            markup = text?.Contains("{{", StringComparison.Ordinal) ?? InputFile.Contains(file.Path, "{{");
            text ??= markup ? InputFile.Read(file.Path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Stderr.WriteLine($"kube-inject: error: {file.Display}: {e.Message}");
            return ExitCodes.MissingInput;
        }
        catch (KubeInjectException e)
        {
            return Fail(e);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Fail(InputFile.NotUtf8(file.Path));
        }
        string? target = plan.TargetOf(file);
        var stdout = outcome.Stdout;
        try
        {
            InjectionSummary summary;
            try
            {
                summary = step.Patches is { } patches ? WritePatches(patches, file, text!, target, stdout)
                    : markup ? ProcessHoldingMarkup(step, file, text!, plan.Check, plan.Diff, plan.InPlace, target, plan.Color, stdout)
                    : text is not null ? Process(step, file, text, plan.Check, plan.Diff, plan.InPlace, target, plan.Color, stdout)
                    : plan.Check ? CheckOnly(step, file)
                    : Stream(step, file, plan.InPlace, target, stdout);
            }
            catch (KubeInjectException e) when (markup && plan.Config.SkipTemplates && TemplateMarkup.Broke(e, text!) is { } where)
            {
                // An unrendered Helm/Go template: never dropped, never half-written; its bytes go where the output goes.
                outcome.Reporter.AddSkippedFile(file.Display, $"unrendered template markup ({{{{ … }}}}) makes it invalid YAML at {where}; passed through unchanged (render it first; skipTemplates: false in {RepoConfig.FileName} makes this an error)");
                if (!plan.Check && !plan.Diff && !plan.InPlace) WriteText(text!, target, stdout);
                return ExitCodes.Ok;
            }
            Progress?.FileDone();
            Progress?.Clear();
            outcome.Reporter.Add(file.Display, summary);
            outcome.Reports.AddRange(summary.Workloads);
            outcome.AnyChanged |= summary.Changed;
            if (plan.Check && summary.Changed) context.Stderr.WriteLine($"kube-inject: {file.Display}: would change");
            return ExitCodes.Ok;
        }
        catch (KubeInjectException e)
        {
            return Fail(e);
        }
        catch (System.Text.DecoderFallbackException) when (!file.IsStdin)
        {
            return Fail(InputFile.NotUtf8(file.Path));
        }
        catch (OutputException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e.Message}");
            outcome.StdoutGone = e.Path == "stdout";
            return ExitCodes.OutputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Output failures are OutputExceptions; what is left is reading the input.
            context.Stderr.WriteLine($"kube-inject: error: {file.Display}: {e.Message}");
            return ExitCodes.MissingInput;
        }
    }

    private static InjectionSummary WritePatches(Func<string, string, InjectionResult> patches, InputSource file, string text, string? target, DocumentSeparatingWriter stdout)
    {
        var result = patches(text, file.Display);
        if (target is null)
        {
            stdout.StartStream();
            stdout.Write(result.Output);
        }
        else if (result.Changed)
        {
            using var atomic = AtomicFile.Create(target);
            atomic.Writer.Write(result.Output);
            atomic.Commit();
        }
        return SummaryOf(result);
    }

    // A file holding "{{": processed to a string first, so that nothing is written when its markup breaks the YAML.
    private InjectionSummary ProcessHoldingMarkup(Step step, InputSource file, string text, bool check, bool diff, bool inPlace, string? outputPath, bool color, DocumentSeparatingWriter stdout)
    {
        if (check || diff) return Process(step, file, text, check, diff, inPlace, outputPath, color, stdout);
        var result = step.Process(text, file.Display);
        if (inPlace && !file.IsStdin)
        {
            if (result.Changed) WriteText(result.Output, file.Path, stdout);
        }
        else WriteText(result.Output, outputPath, stdout);
        return SummaryOf(result);
    }

    private static void WriteText(string text, string? target, DocumentSeparatingWriter stdout)
    {
        if (target is null)
        {
            stdout.StartStream();
            stdout.Write(text);
            return;
        }
        using var atomic = AtomicFile.Create(target);
        atomic.Writer.Write(text);
        atomic.Commit();
    }

    // One input held whole (stdin, --check, --diff): processed to a string, or streamed where it goes.
    private InjectionSummary Process(Step step, InputSource file, string text, bool check, bool diff, bool inPlace, string? outputPath, bool color, DocumentSeparatingWriter stdout)
    {
        if (check || diff)
        {
            var result = step.Process(text, file.Display);
            if (diff && result.Changed)
            {
                var d = Writing.UnifiedDiff.Create(text, result.Output, "a/" + file.Display, "b/" + file.Display);
                context.Stdout.Write(color ? DiffColorizer.Colorize(d) : d);
            }
            return SummaryOf(result);
        }
        return Write(step, new StringReader(text), file, inPlace && !file.IsStdin ? file.Path : outputPath, inPlace, stdout);
    }

    // --check alone needs only whether a document changes: the output is computed document by document and dropped.
    private static InjectionSummary CheckOnly(Step step, InputSource file)
    {
        using var reader = InputFile.OpenReader(file.Path);
        return step.Stream(reader, file.Display, TextWriter.Null);
    }

    // A file streamed from disk document by document: neither it nor its output is held whole.
    private static InjectionSummary Stream(Step step, InputSource file, bool inPlace, string? outputPath, DocumentSeparatingWriter stdout)
    {
        var reader = InputFile.OpenReader(file.Path);
        return Write(step, reader, file, inPlace ? file.Path : outputPath, inPlace, stdout);
    }

    // Files are written through a temp file that is renamed only when the whole input succeeded, so an error
    // never leaves a half-written file; the input is closed before the rename (it may be the same file).
    private static InjectionSummary Write(Step step, TextReader input, InputSource file, string? target, bool inPlace, DocumentSeparatingWriter stdout)
    {
        using (input)
        {
            if (target is null)
            {
                stdout.StartStream();
                return step.Stream(input, file.Display, stdout);
            }
            using var atomic = AtomicFile.Create(target);
            var summary = step.Stream(input, file.Display, atomic.Writer);
            input.Dispose();
            // In place, an unchanged file is not touched at all (its modification time stays).
            if (!inPlace || summary.Changed) atomic.Commit();
            return summary;
        }
    }

    private bool ColorEnabled(string mode) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => !Console.IsOutputRedirected && !context.Environment.ContainsKey("NO_COLOR") && ReferenceEquals(context.Stdout is GuardedWriter g ? g.Inner : context.Stdout, Console.Out),
    };

    /// <summary>Prints a usage error and returns its exit code.</summary>
    public int Usage(string message)
    {
        context.Stderr.WriteLine($"kube-inject: error: {message}");
        context.Stderr.WriteLine($"Run '{command} --help' for usage.");
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

    private static InjectionSummary SummaryOf(InjectionResult result) => new(result.Changed, result.Workloads, result.Warnings);

    // The exit code that tells the most: usage and missing inputs over bad input over "would change".
    private static int Worst(int a, int b) => Math.Max(a, b);
}
