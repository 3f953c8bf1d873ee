using System.Globalization;
using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// Istio's <c>applyPrometheusMerge</c> (spec §5.5): the app's scrape settings move into the sidecar env
/// <c>ISTIO_PROMETHEUS_ANNOTATIONS</c> and the pod's annotations point Prometheus at the agent's merged endpoint.
/// </summary>
internal static class PrometheusMerge
{
    private const string MergeMetricsAnnotation = "prometheus.istio.io/merge-metrics";
    private const string EnvName = "ISTIO_PROMETHEUS_ANNOTATIONS";

    /// <summary>Applies the merge to the merged pod.</summary>
    public static void Apply(YMapping pod, InjectionContext context)
    {
        var annotations = PodTree.Annotations(pod);
        bool scrape = true;
        foreach (var v in PrometheusAnnotations.Values(annotations, PrometheusAnnotations.Scrape))
            if (Strconv.ParseBool(v) is { } b) { scrape = b; break; }
        if (!scrape) return;

        bool merge = Strconv.ParseBool(PodTree.Annotation(pod, MergeMetricsAnnotation)) ?? context.EnablePrometheusMerge ?? true;
        if (!merge) return;

        string target = context.StatusPort.ToString(CultureInfo.InvariantCulture);
        if (PrometheusAnnotations.Port(annotations) is { } current && current == target) return;

        string? scrapeValue = First(annotations, PrometheusAnnotations.Scrape);
        string? pathValue = First(annotations, PrometheusAnnotations.Path);
        string? portValue = First(annotations, PrometheusAnnotations.PortKey);
        bool any = !string.IsNullOrEmpty(scrapeValue) || !string.IsNullOrEmpty(pathValue) || !string.IsNullOrEmpty(portValue);
        if (any && PodTree.FindSidecar(pod) is { } sidecar)
        {
            // Field order of Istio's PrometheusScrapeConfiguration struct: scrape, path, port.
            var json = new JsonWriter().BeginObject()
                .Key("scrape").String(scrapeValue ?? "")
                .Key("path").String(pathValue ?? "")
                .Key("port").String(portValue ?? "")
                .EndObject().ToString();
            PodTree.EnsureEnv(sidecar).Add(PodTree.EnvVar(EnvName, json));
        }

        var target_ = PodTree.EnsureAnnotations(pod);
        // Canonical keys are kept in place (and left alone when already right) instead of deleted and re-added.
        PrometheusAnnotations.RemoveAll(target_, "prometheus.io/port", "prometheus.io/path", "prometheus.io/scrape");
        PodTree.SetString(target_, "prometheus.io/port", target);
        PodTree.SetString(target_, "prometheus.io/path", "/stats/prometheus");
        PodTree.SetString(target_, "prometheus.io/scrape", "true");
    }

    // With several spellings Go picks one arbitrarily (map order); the last one read wins there, we take the first.
    private static string? First(YMapping? annotations, string key) => PrometheusAnnotations.Values(annotations, key).Cast<string?>().FirstOrDefault();
}
