using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// What removing a previous injection needs to know beyond the pod itself: the settings that decide what injection
/// writes (the agent's status port, the configured network) and a way to render the templates for a pod, so that
/// metadata and pod fields equal to what the templates write can be told apart from the user's own.
/// </summary>
internal sealed class UninjectionContext
{
    /// <summary>The mesh status port (<c>defaultConfig.statusPort</c>, after <c>proxy.istio.io/config</c>).</summary>
    public required int StatusPort { get; init; }

    /// <summary><c>values.global.network</c>; "" when none is configured.</summary>
    public required string Network { get; init; }

    /// <summary>
    /// Renders every selected template for the given pod and merges them onto an empty pod: what injection would write
    /// into that pod's metadata and spec. Reads the pod and shares no node with it.
    /// </summary>
    public required Func<YMapping, YMapping> RenderTemplatePod { get; init; }

    /// <summary>The injector config's <c>injectedAnnotations</c>: removed where the pod still holds the value written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> InjectedAnnotations { get; init; } = [];

    /// <summary>Things that could not be undone exactly (e.g. a rewritten probe without a recorded original).</summary>
    public List<string> Warnings { get; } = [];
}
