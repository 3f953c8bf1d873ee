using System.CommandLine;
using KubeInject.Decision;

namespace KubeInject.Cli;

/// <summary>
/// <c>kube-inject uninject [paths…]</c>: removes injected sidecars, driven by each pod's status annotation. Same
/// input/output flags as injection; the settings flags say what injection wrote (defaults: the bundled ones).
/// </summary>
internal sealed class UninjectCommand(CliContext context)
{
    private readonly InputOutputOptions _io = new();
    private readonly Option<string?> _values = SettingsOptions.Values();
    private readonly Option<string?> _mesh = SettingsOptions.Mesh();
    private readonly Option<string?> _version = SettingsOptions.Version();
    private readonly Option<string?> _templates = SettingsOptions.Templates();
    private readonly Option<string> _failOn = new("--fail-on") { Description = "never | skip: with skip, a workload that has a sidecar but no usable status annotation fails the run (exit 79).", DefaultValueFactory = _ => "never" };

    public Command Build()
    {
        var command = new Command("uninject", "Remove injected Istio sidecars (the inverse of injection, driven by the sidecar.istio.io/status annotation).");
        foreach (var o in new Option[] { _io.Files, _io.Output, _values, _mesh, _version, _templates, _failOn }) command.Options.Add(o);
        _io.AddTo(command);
        _failOn.AcceptOnlyFromAmong("never", "skip");
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        bool failOnSkip = parse.GetValue(_failOn) == "skip";
        var processor = new FileProcessor(context, _io, "kube-inject uninject");
        return processor.Run(parse, config =>
        {
            var uninjector = new Uninjector(SettingsOptions.Read(parse, _values, _mesh, _version, _templates, context, config) with { Progress = processor.Progress, Parallelism = Environment.ProcessorCount });
            return new FileProcessor.Step(uninjector.Uninject, uninjector.Uninject, uninjector.Warnings);
        }, reports => failOnSkip && reports.Any(IsSkip) ? ExitCodes.Findings : ExitCodes.Ok);
    }

    // A sidecar we were asked to remove and could not; workloads that never had one are not findings.
    private static bool IsSkip(WorkloadReport r) => r.Reason is { } reason && reason != SkipReason.NotInjected;
}
