using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.PostProcessing;

public class PrometheusMergeTests
{
    [Fact]
    public void User_scrape_settings_move_into_the_sidecar_env_and_annotations_point_at_the_agent()
    {
        var pod = Map("""
            metadata:
              annotations:
                prometheus.io/scrape: "true"
                prometheus.io/port: "8080"
                prometheus.io/path: /metrics
                keep: me
            spec:
              containers: [{name: istio-proxy, env: [{name: A, value: b}]}]
            """);
        PrometheusMerge.Apply(pod, new InjectionContext());
        Assert.Equal("A,ISTIO_PROMETHEUS_ANNOTATIONS", Names(pod, "spec", "containers", 0, "env"));
        Assert.Equal("""{"scrape":"true","path":"/metrics","port":"8080"}""", ((YScalar)At(pod, "spec", "containers", 0, "env", 1, "value")).Value);
        Assert.Equal("{prometheus.io/scrape: \"true\", prometheus.io/port: \"15020\", prometheus.io/path: /stats/prometheus, keep: me}", Text(pod, "metadata", "annotations"));
    }

    [Fact]
    public void Sanitised_spellings_are_matched_and_removed()
    {
        var pod = Map("metadata:\n  annotations:\n    prometheus-io/port: \"9\"\n    prometheus_io_path: /m\nspec:\n  containers: [{name: istio-proxy}]\n");
        PrometheusMerge.Apply(pod, new InjectionContext());
        Assert.Equal("""{"scrape":"","path":"/m","port":"9"}""", ((YScalar)At(pod, "spec", "containers", 0, "env", 0, "value")).Value);
        Assert.Equal("{prometheus.io/port: \"15020\", prometheus.io/path: /stats/prometheus, prometheus.io/scrape: \"true\"}", Text(pod, "metadata", "annotations"));
    }

    [Theory]
    [InlineData("prometheus.io/scrape: \"false\"", null)]
    [InlineData("prometheus.istio.io/merge-metrics: \"false\"", null)]
    [InlineData("prometheus.io/port: \"15020\"", null)]
    [InlineData("a: b", false)]
    public void Nothing_changes_when_scraping_or_merging_is_off_or_already_done(string annotation, bool? meshMerge)
    {
        var pod = Map($"metadata:\n  annotations:\n    {annotation}\nspec:\n  containers: [{{name: istio-proxy}}]\n");
        PrometheusMerge.Apply(pod, new InjectionContext { EnablePrometheusMerge = meshMerge });
        Assert.True(pod.IsPristine);
    }

    [Fact]
    public void Without_user_annotations_only_the_istio_annotations_are_added()
    {
        var pod = Map("metadata:\n  labels: {a: b}\nspec:\n  containers: [{name: istio-proxy}]\n");
        PrometheusMerge.Apply(pod, new InjectionContext { StatusPort = 15021 });
        Assert.Equal("{labels: {a: b}, annotations: {prometheus.io/port: \"15021\", prometheus.io/path: /stats/prometheus, prometheus.io/scrape: \"true\"}}", Text(pod, "metadata"));
        Assert.Equal("{name: istio-proxy}", Text(pod, "spec", "containers", 0));
    }
}
