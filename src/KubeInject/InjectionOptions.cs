using KubeInject.Rendering;

namespace KubeInject;

/// <summary>
/// Settings for an <see cref="Injector"/>. Text inputs are handed over as strings (the library reads no
/// files); their names only label messages. Anything left null uses the bundled defaults of the version.
/// </summary>
public sealed record InjectionOptions
{
    /// <summary>
    /// Istio version whose templates and defaults to use (<c>1.22</c>, <c>1.22.4</c>, <c>1.23</c>, <c>1.23.0</c>, <c>1.29</c>,
    /// <c>1.29.6</c>). Null = the version named by the values' <c>global.tag</c> when that is a bundled version (with a
    /// warning in <see cref="Injector.Warnings"/>), else the newest bundled.
    /// </summary>
    public string? IstioVersion { get; init; }

    /// <summary>The <c>istio-sidecar-injector</c> ConfigMap's <c>data.values</c> (JSON or YAML), or null for the bundled defaults.</summary>
    public string? ValuesText { get; init; }

    /// <summary>Name of the values input, for messages.</summary>
    public string ValuesName { get; init; } = "values";

    /// <summary>The <c>istio</c> ConfigMap's <c>data.mesh</c>, applied over Istio's built-in mesh defaults; null for the bundled default mesh.</summary>
    public string? MeshConfigText { get; init; }

    /// <summary>Name of the mesh config input, for messages.</summary>
    public string MeshConfigName { get; init; } = "mesh config";

    /// <summary>The injector ConfigMap's <c>data.config</c>. Only its <c>templates</c> are looked at, to warn when they differ from the stock ones.</summary>
    public string? InjectorConfigText { get; init; }

    /// <summary>Name of the injector config input, for messages.</summary>
    public string InjectorConfigName { get; init; } = "injector config";

    /// <summary>Control-plane revision; "" or "default" means the default revision.</summary>
    public string Revision { get; init; } = "";

    /// <summary>Native sidecar mode.</summary>
    public NativeSidecarMode NativeSidecars { get; init; } = NativeSidecarMode.Auto;

    /// <summary>Re-injection of an already injected pod: replace the old sidecar (default) or merge over it as istioctl does.</summary>
    public ReinjectionMode Reinjection { get; init; } = ReinjectionMode.Replace;

    /// <summary>
    /// Go templates in Istio's format (the text of the injector ConfigMap's <c>templates.&lt;name&gt;</c>) that replace the
    /// version's or the <see cref="InjectorConfigText"/>'s template of the same name, or add one; null = none.
    /// </summary>
    public ITemplateSource? Templates { get; init; }

    /// <summary>
    /// Environment variables as Istio's injector would read them from its process (<c>ENABLE_NATIVE_SIDECARS</c>,
    /// <c>COMPLIANCE_POLICY</c>, and the template function <c>env</c>). The library never reads the real environment.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The clock sprig's <c>now</c> reads (and <c>date</c>, <c>ago</c>, <c>durationRound</c> measure from), once per
    /// rendered pod. The library reads no other clock; pass a fixed one (e.g. <c>FakeTimeProvider</c>) for output that
    /// does not depend on when it runs. Default: <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Workload kinds beyond the built-in table (custom resources with a pod template), e.g.
    /// <c>new WorkloadKindSpec("example.com", "Widget", "spec.runner.template")</c>.
    /// </summary>
    public IReadOnlyList<Selection.WorkloadKindSpec> Workloads { get; init; } = [];

    /// <summary>Told about each workload as soon as it is done (the CLI's progress line); null for none.</summary>
    public IProgress<WorkloadReport>? Progress { get; init; }

    /// <summary>
    /// Documents edited at once (1 = on the caller's thread, the default). Documents are independent: with more, they
    /// are edited on worker threads and come out in input order, byte for byte what a serial run writes.
    /// </summary>
    public int Parallelism { get; init; } = 1;
}
