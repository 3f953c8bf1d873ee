using KubeInject.Diagnostics;
using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.Merging;

public class TemplateSkeletonTests
{
    private const string Sidecar = """
        metadata: {annotations: {a: b}}
        spec:
          initContainers: [{name: istio-init, image: proxy, args: [x]}]
          containers: [{name: istio-proxy, image: proxy, env: [{name: A, value: a}]}]
          volumes: [{name: istio-envoy, emptyDir: {}}, {name: istio-data, emptyDir: {}}]
          imagePullSecrets: [{name: s1}]
        """;

    [Theory]
    [InlineData("spec: {containers: [{name: extra, image: e}, {name: istio-proxy, args: [y]}], volumes: [{name: istio-data, $patch: delete}]}")]
    [InlineData("spec: {volumes: [{$patch: replace}, {name: only}], initContainers: null}")]
    [InlineData("spec: {$patch: replace, containers: [{name: c}]}")]
    [InlineData("spec: {$retainKeys: [volumes], volumes: [{name: v}]}")]
    [InlineData("$patch: delete")]
    [InlineData("spec: {imagePullSecrets: [{name: s0}, {name: s1}], containers: [{name: istio-proxy}]}")]
    public void Merging_skeletons_gives_the_names_merging_whole_templates_gives(string second)
    {
        var whole = new YMapping();
        var skeletons = new YMapping();
        foreach (var text in new[] { Sidecar, second })
        {
            StrategicMerge.Apply(whole, Map(text));
            StrategicMerge.Apply(skeletons, TemplateSkeleton.Of(Map(text)));
        }
        Assert.Equal(InjectedNames.Of(whole), InjectedNames.Of(skeletons), NamesComparer.Instance);
        Assert.DoesNotContain("image:", skeletons.ToString()); // names only, not copies of the templates
    }

    [Fact]
    public void A_nameless_item_is_reported_as_the_whole_template_reports_it()
    {
        var first = Map(Sidecar);
        const string bad = "spec: {containers: [{image: nameless, args: [z]}]}";
        var whole = Assert.Throws<KubeInjectException>(() => { var p = new YMapping(); StrategicMerge.Apply(p, Map(Sidecar)); StrategicMerge.Apply(p, Map(bad)); });
        var skeleton = Assert.Throws<KubeInjectException>(() => { var p = new YMapping(); StrategicMerge.Apply(p, TemplateSkeleton.Of(first)); StrategicMerge.Apply(p, TemplateSkeleton.Of(Map(bad))); });
        Assert.Equal(whole.Message, skeleton.Message);
        Assert.Contains("nameless", skeleton.Message);
    }

    [Fact]
    public void The_template_is_not_modified()
    {
        var template = Map(Sidecar);
        string before = template.ToString();
        TemplateSkeleton.Of(template);
        Assert.Equal(before, template.ToString());
    }

    private sealed class NamesComparer : IEqualityComparer<InjectedNames>
    {
        public static readonly NamesComparer Instance = new();
        public bool Equals(InjectedNames? a, InjectedNames? b) =>
            a!.InitContainers.SequenceEqual(b!.InitContainers) && a.Containers.SequenceEqual(b.Containers)
            && a.Volumes.SequenceEqual(b.Volumes) && a.ImagePullSecrets.SequenceEqual(b.ImagePullSecrets);
        public int GetHashCode(InjectedNames n) => 0;
    }
}
