using System.Collections;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// Istio 1.30's <c>otelResourceAttributes mesh annotations labels namespace containers</c>, which fills the
/// proxy's <c>OTEL_RESOURCE_ATTRIBUTES</c>. It yields attributes only when a mesh extension provider asks for
/// OpenTelemetry semantic-convention enrichment (<c>opentelemetry.serviceAttributeEnrichment:
/// OTEL_SEMANTIC_CONVENTIONS</c>); with the default mesh it is empty, which is what every 1.30.3 golden shows. The
/// enriched form is not known offline, so it is an error rather than a guessed environment variable.
/// </summary>
internal static class OtelResourceAttributes
{
    /// <summary>The attribute list, <c>""</c> without an enriching provider.</summary>
    public static string Compute(object? meshConfig, object? annotations, object? labels, string ns, object? containers)
    {
        _ = (annotations, labels, ns, containers);
        if (meshConfig is ScriptObject mesh && GoSemanticsField(mesh, "extensionProviders") is IEnumerable providers)
        {
            foreach (var p in providers)
            {
                if (p is ScriptObject provider && GoSemanticsField(provider, "opentelemetry") is ScriptObject otel
                    && GoSemanticsField(otel, "serviceAttributeEnrichment") is string mode && mode is not ("" or "NONE" or "DISABLED"))
                    throw new GoExecException($"error calling otelResourceAttributes: serviceAttributeEnrichment {mode} is not supported by KubeInject");
            }
        }
        return "";
    }

    private static object? GoSemanticsField(ScriptObject o, string name) => o.TryGetValue(name, out var v) ? v : null;
}
