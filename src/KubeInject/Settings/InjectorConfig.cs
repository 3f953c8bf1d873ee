using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// An injector config (<c>--injector-config</c>: the <c>istio-sidecar-injector</c> ConfigMap's <c>data.config</c>) as
/// Istio's webhook reads it (<c>inject.UnmarshalConfig</c>). A file that is not such a config is one template named
/// <c>sidecar</c> (kube-inject's template-only files) with the defaults below.
/// </summary>
/// <param name="Templates">Template names to Go template texts, in file order.</param>
/// <param name="DefaultTemplates">What a pod without <c>inject.istio.io/templates</c> gets; Istio's default is <c>[sidecar]</c>.</param>
/// <param name="Aliases">A template name that stands for a list of names.</param>
/// <param name="Policy"><c>policy</c>, or null when the file has none (a template-only file).</param>
/// <param name="NeverInjectSelector">Label selectors of pods not to inject by default.</param>
/// <param name="AlwaysInjectSelector">Label selectors of pods to inject by default.</param>
/// <param name="InjectedAnnotations">Annotations every injected pod gets.</param>
internal sealed record InjectorConfig(
    IReadOnlyDictionary<string, string> Templates,
    IReadOnlyList<string> DefaultTemplates,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases,
    string? Policy,
    IReadOnlyList<YMapping> NeverInjectSelector,
    IReadOnlyList<YMapping> AlwaysInjectSelector,
    IReadOnlyList<KeyValuePair<string, string>> InjectedAnnotations)
{
    /// <summary>The template a pod gets when nothing names one.</summary>
    public const string SidecarTemplateName = "sidecar";

    /// <summary>No injector config: kube-inject's defaults (the templates are the bundled version's).</summary>
    public static InjectorConfig None { get; } = TemplateOnly("");

    /// <summary>A template-only file: its text is the <c>sidecar</c> template.</summary>
    public static InjectorConfig TemplateOnly(string text) => new(
        new Dictionary<string, string>(StringComparer.Ordinal) { [SidecarTemplateName] = text },
        [SidecarTemplateName], new Dictionary<string, IReadOnlyList<string>>(), null, [], [], []);

    /// <summary>
    /// The templates a pod gets: the names of its <c>inject.istio.io/templates</c> annotation (split on commas,
    /// trimmed; empty parts kept, to fail as unknown) or <see cref="DefaultTemplates"/>, each alias replaced by its
    /// names (Istio's <c>selectTemplates</c> and <c>resolveAliases</c>).
    /// </summary>
    public IEnumerable<string> TemplatesFor(string? templatesAnnotation)
    {
        var names = templatesAnnotation is null ? DefaultTemplates : templatesAnnotation.Split(',').Select(s => s.Trim());
        foreach (var name in names)
        {
            if (Aliases.TryGetValue(name, out var resolved))
                foreach (var r in resolved) yield return r;
            else yield return name;
        }
    }
}
