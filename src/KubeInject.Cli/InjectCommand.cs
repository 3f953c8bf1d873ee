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
    private readonly InputOutputOptions _io = new();
    private readonly Option<string?> _values = SettingsOptions.Values();
    private readonly Option<string?> _mesh = SettingsOptions.Mesh();
    private readonly Option<string?> _injectorConfig = new("--injector-config", "--injectConfigFile") { Description = "istio-sidecar-injector ConfigMap data.config (or the whole ConfigMap): its templates are rendered, and its defaultTemplates, aliases, injectedAnnotations, policy and inject selectors apply as in the cluster's webhook." };
    private readonly Option<string?> _revision = new("--revision", "-r") { Description = "Control-plane revision (default: the default revision)." };
    private readonly Option<string?> _version = SettingsOptions.Version();
    private readonly Option<string> _native = new("--native-sidecars") { Description = "true | false | auto (auto: off unless ENABLE_NATIVE_SIDECARS=true, like istioctl offline).", DefaultValueFactory = _ => "auto" };
    private readonly Option<string?> _templates = SettingsOptions.Templates();
    private readonly Option<string> _reinject = new("--reinject") { Description = "An already injected pod: replace its sidecar (default) or merge over it as istioctl does: replace | merge.", DefaultValueFactory = _ => "replace" };
    private readonly Option<string> _format = new("--output-format") { Description = "yaml (the injected manifests) | patch (per injected workload, a kustomize strategic merge patch).", DefaultValueFactory = _ => "yaml" };

    public RootCommand Build()
    {
        var root = new RootCommand("Inject Istio's sidecar into Kubernetes manifests, offline and Git-friendly (a drop-in for istioctl kube-inject).");
        foreach (var o in new Option[] { _io.Files, _io.Output, _values, _mesh, _injectorConfig, _revision, _version, _native, _templates, _reinject, _format })
            root.Options.Add(o);
        _io.AddTo(root);
        _native.AcceptOnlyFromAmong("true", "false", "auto");
        _reinject.AcceptOnlyFromAmong("replace", "merge");
        _format.AcceptOnlyFromAmong("yaml", "patch");
        root.SetAction(Execute);
        return root;
    }

    private int Execute(ParseResult parse)
    {
        var processor = new FileProcessor(context, _io, "kube-inject");
        return processor.Run(parse, config =>
        {
            var options = BuildOptions(parse, config) with { Progress = processor.Progress, Parallelism = Environment.ProcessorCount };
            var injector = new Injector(options);
            return new FileProcessor.Step(injector.Inject, injector.Inject, injector.Warnings)
            {
                Patches = parse.GetValue(_format) == "patch" ? injector.InjectAsPatches : null,
                // A ResourceList on stdin (kpt, kustomize): act as a KRM function, the flags being its defaults.
                Krm = text => KrmCommand.Run(text, context, options with { Progress = null }),
            };
        });
    }

    private InjectionOptions BuildOptions(ParseResult parse, RepoConfig config) =>
        SettingsOptions.Read(parse, _values, _mesh, _version, _templates, context, config) with
        {
            InjectorConfigText = SettingsOptions.ReadFile(parse.GetValue(_injectorConfig) ?? config.InjectorConfig, "injector config"),
            InjectorConfigName = parse.GetValue(_injectorConfig) ?? config.InjectorConfig ?? "injector config",
            Revision = parse.GetValue(_revision) ?? config.Revision ?? "",
            NativeSidecars = (parse.GetResult(_native) is { Implicit: false } ? parse.GetValue(_native) : config.NativeSidecars ?? "auto") switch
            {
                "true" => NativeSidecarMode.Enabled,
                "false" => NativeSidecarMode.Disabled,
                _ => NativeSidecarMode.Auto,
            },
            Reinjection = parse.GetValue(_reinject) == "merge" ? ReinjectionMode.IstioMerge : ReinjectionMode.Replace,
        };
}

/// <summary>The settings options inject and uninject share (values, mesh config, version, templates) and reading them.</summary>
internal static class SettingsOptions
{
    public static Option<string?> Values() => new("--values", "--valuesFile") { Description = "istio-sidecar-injector ConfigMap data.values (JSON or YAML). Default: bundled chart defaults." };

    public static Option<string?> Mesh() => new("--mesh-config", "--meshConfigFile") { Description = "istio ConfigMap data.mesh, applied over Istio's mesh defaults. Default: bundled default mesh." };

    public static Option<string?> Version()
    {
        var versions = Injector.BundledIstioVersions;
        var option = new Option<string?>("--istio-version")
        {
            Description = $"Istio version whose templates and defaults to use: {string.Join(", ", versions)} (or the minor version). Any other X.Y.Z works with that cluster's --values, --mesh-config and --injector-config, following the newest bundled version at or below it. Default: the global.tag of --values when that is a bundled version, else the newest bundled ({Injector.DefaultIstioVersion}).",
        };
        // Shell completion offers the bundled versions.
        option.CompletionSources.Add(versions.ToArray());
        return option;
    }

    public static Option<string?> Templates() => new("--templates") { Description = "Directory of Go templates in Istio's format, one file per template named as in the injector ConfigMap (sidecar.yaml, gateway.yaml, ...), each replacing the template of that name." };

    /// <summary>A settings file's text, or null when not given; a missing file is a <see cref="ErrorKind.MissingInput"/> error.</summary>
    public static string? ReadFile(string? path, string what)
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new KubeInjectException($"{what} file not found", new SourceLocation(path), ErrorKind.MissingInput);
        return InputFile.Read(path);
    }

    /// <summary>Options from the shared settings flags, the repository config (flags win) and the process environment.</summary>
    public static InjectionOptions Read(ParseResult parse, Option<string?> values, Option<string?> mesh, Option<string?> version, Option<string?> templates, CliContext context, RepoConfig config)
    {
        var templatesDir = parse.GetValue(templates);
        if (templatesDir is not null && !Directory.Exists(templatesDir))
            throw new KubeInjectException("templates directory not found", new SourceLocation(templatesDir), ErrorKind.MissingInput);
        return new InjectionOptions
        {
            IstioVersion = parse.GetValue(version) ?? config.IstioVersion,
            ValuesText = ReadFile(parse.GetValue(values) ?? config.Values, "values"),
            ValuesName = parse.GetValue(values) ?? config.Values ?? "values",
            MeshConfigText = ReadFile(parse.GetValue(mesh) ?? config.MeshConfig, "mesh config"),
            MeshConfigName = parse.GetValue(mesh) ?? config.MeshConfig ?? "mesh config",
            Templates = templatesDir is null ? null : new DirectoryTemplateSource(templatesDir),
            Environment = context.Environment,
            Workloads = config.Workloads,
        };
    }
}
