namespace KubeInject;

/// <summary>
/// Injects Istio's sidecar into manifests. Configure once (settings are parsed in the constructor), then
/// call <see cref="Inject"/> per input. Thread-safe for concurrent <see cref="Inject"/> calls.
/// </summary>
public sealed class Injector
{
    /// <summary>Loads settings and templates; throws <see cref="Diagnostics.KubeInjectException"/> for bad settings.</summary>
    public Injector(InjectionOptions options)
    {
        Options = options;
    }

    /// <summary>The options this injector was built with.</summary>
    public InjectionOptions Options { get; }

    /// <summary>Warnings about the settings (e.g. injector-config templates that differ from the stock ones).</summary>
    public IReadOnlyList<string> Warnings { get; } = [];

    /// <summary>Injects every workload of a multi-document YAML/JSON text.</summary>
    public InjectionResult Inject(string text, string fileName) => throw new NotImplementedException();
}
