using KubeInject.Selection;
using KubeInject.Versions;
using KubeInject.Checking;
using KubeInject.Cli;
using KubeInject.Pod;
using static KubeInject.Selection.SelectorOperator;

namespace KubeInject.Tests.Checking;

public class CheckingTests
{
    private static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public class Selectors
    {
        [Fact]
        public void NotIn_and_DoesNotExist_hold_when_the_key_is_absent()
        {
            Assert.True(new LabelRequirement("k", NotIn, ["false"]).Matches(Labels()));
            Assert.True(new LabelRequirement("k", DoesNotExist, []).Matches(Labels()));
            Assert.False(new LabelRequirement("k", In, ["x"]).Matches(Labels()));
            Assert.False(new LabelRequirement("k", Exists, []).Matches(Labels()));
            Assert.False(new LabelRequirement("k", NotIn, ["false"]).Matches(Labels("k=false")));
        }

        [Fact]
        public void An_absent_selector_matches_everything() => Assert.True(LabelSelector.Parse(null).Matches(Labels("a=b")));

        [Fact]
        public void MatchLabels_and_matchExpressions_are_ANDed()
        {
            var doc = KubeInject.Reading.ManifestReader.Read("matchLabels: {a: b}\nmatchExpressions: [{key: c, operator: Exists}]\n", "s").Single();
            var selector = LabelSelector.Parse(doc.Root);
            Assert.True(selector.Matches(Labels("a=b", "c=")));
            Assert.False(selector.Matches(Labels("a=b")));
        }
    }

    public class StockSelectors
    {
        private static bool Selected(string revision, string[] ns, string[] pod) =>
            StockWebhooks.For(revision).Any(w => w.Selects(Labels(ns), Labels(pod)));

        [Theory]
        [InlineData(new[] { "istio-injection=enabled" }, new string[0], true)]
        [InlineData(new[] { "istio-injection=enabled" }, new[] { "sidecar.istio.io/inject=false" }, false)]
        [InlineData(new[] { "istio-injection=disabled" }, new[] { "sidecar.istio.io/inject=true" }, false)]
        [InlineData(new string[0], new string[0], false)]
        [InlineData(new string[0], new[] { "sidecar.istio.io/inject=true" }, true)]
        [InlineData(new string[0], new[] { "sidecar.istio.io/inject=true", "istio.io/rev=canary" }, false)]
        [InlineData(new string[0], new[] { "istio.io/rev=default" }, true)]
        [InlineData(new[] { "istio.io/rev=default" }, new string[0], true)]
        [InlineData(new[] { "istio.io/rev=canary" }, new string[0], false)]
        [InlineData(new[] { "istio.io/rev=canary" }, new[] { "sidecar.istio.io/inject=true" }, false)]
        public void Default_revision(string[] ns, string[] pod, bool selected) => Assert.Equal(selected, Selected("", ns, pod));

        [Theory]
        [InlineData(new[] { "istio.io/rev=canary" }, new string[0], true)]
        [InlineData(new[] { "istio.io/rev=canary", "istio-injection=enabled" }, new string[0], false)]
        [InlineData(new[] { "istio-injection=enabled" }, new string[0], false)]
        [InlineData(new string[0], new[] { "istio.io/rev=canary" }, true)]
        [InlineData(new string[0], new[] { "sidecar.istio.io/inject=true" }, false)]
        public void Named_revision(string[] ns, string[] pod, bool selected) => Assert.Equal(selected, Selected("canary", ns, pod));
    }

    public class ProxyVersions
    {
        [Theory]
        [InlineData("docker.io/istio/proxyv2:1.22.4", "1.22.4")]
        [InlineData("docker.io/istio/proxyv2:1.23.0-distroless", "1.23.0")]
        [InlineData("gcr.io/istio-release/proxyv2:1.24.0-beta.1", "1.24.0-beta.1")]
        [InlineData("localhost:5000/istio/proxyv2:1.23.0", "1.23.0")]
        [InlineData("localhost:5000/istio/proxyv2", "unknown")]
        [InlineData("docker.io/istio/proxyv2:latest", "unknown")]
        [InlineData("docker.io/istio/proxyv2@sha256:abc", "unknown")]
        [InlineData("docker.io/istio/proxyv2:1.23.0@sha256:abc", "1.23.0")]
        [InlineData("", "unknown")]
        public void Come_from_the_image_tag(string image, string version) => Assert.Equal(version, Sidecar.VersionOf(image));

        [Fact]
        public void Sort_numerically_with_unknown_last()
        {
            var sorted = new[] { "unknown", "1.10.0", "1.9.2", "1.23.0" }.Order(Comparer<string>.Create(Sidecar.Compare));
            Assert.Equal(["1.9.2", "1.10.0", "1.23.0", "unknown"], sorted);
        }
    }

    public class Library
    {
        private static CheckResult Check(string yaml, CheckOptions? options = null) =>
            new InjectionChecker(options ?? new CheckOptions { IstioVersion = "1.23.0" }).Check([new ManifestInput(yaml, "in.yaml")]);

        private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: x}]}\n";

        [Fact]
        public void A_namespace_document_wins_over_the_namespace_labels_option()
        {
            var options = new CheckOptions
            {
                IstioVersion = "1.23.0",
                NamespaceLabels = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["default"] = Labels("istio-injection=enabled") },
            };
            Assert.True(Check(Pod, options).Workloads.Single().WouldInject);
            Assert.False(Check("apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n---\n" + Pod, options).Workloads.Single().WouldInject);
        }

        [Fact]
        public void The_default_target_is_the_newest_bundled_version() =>
            Assert.Equal(KubeInject.Versions.IstioVersions.Bundled.All.Select(p => p.Version).Max(Comparer<string>.Create(Sidecar.Compare)),
                new InjectionChecker(new CheckOptions()).Check([]).IstioVersion);

        [Fact]
        public void An_unbundled_full_version_is_a_valid_target() =>
            Assert.Equal("1.24.1", Check(Pod, new CheckOptions { IstioVersion = "v1.24.1" }).IstioVersion);

        [Fact]
        public void Workloads_without_a_namespace_get_the_default_namespace() =>
            Assert.Equal("team", Check(Pod, new CheckOptions { DefaultNamespace = "team" }).Workloads.Single().Namespace);

        [Theory]
        [InlineData("policy: disabled\ntemplates: {sidecar: x}\n", "policy is disabled")]
        [InlineData("policy: enabled\nneverInjectSelector:\n- matchLabels: {app: p}\ntemplates: {sidecar: x}\n", "neverInjectSelector")]
        public void The_injector_configs_policy_and_selectors_decide_as_the_webhook(string injectorConfig, string said)
        {
            const string labelled = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec: {containers: [{name: a, image: x}]}\n";
            var options = new CheckOptions
            {
                IstioVersion = "1.23.0",
                NamespaceLabels = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["default"] = Labels("istio-injection=enabled") },
            };

            var without = Check(labelled, options).Workloads.Single();
            var with = Check(labelled, options with { InjectorConfigText = injectorConfig }).Workloads.Single();

            Assert.True(without.WouldInject);
            Assert.False(with.WouldInject);
            var finding = Assert.Single(with.Findings, f => f.Code == FindingCodes.InjectionDisabled);
            Assert.Contains(said, finding.Message);
        }

        [Fact]
        public void A_bad_document_throws_with_its_location()
        {
            var e = Assert.Throws<KubeInject.Diagnostics.KubeInjectException>(() => Check("a: [\n"));
            Assert.Equal("in.yaml", e.Location?.File);
        }
    }

    public class NamespaceLabelsOption
    {
        [Fact]
        public void Parses_a_namespace_and_its_labels()
        {
            Assert.True(CheckCommand.TryParseNamespaceLabels("default=istio-injection=enabled,team=a", out var ns, out var labels));
            Assert.Equal("default", ns);
            Assert.Equal(Labels("istio-injection=enabled", "team=a"), labels);
        }

        [Fact]
        public void Accepts_an_explicitly_unlabelled_namespace()
        {
            Assert.True(CheckCommand.TryParseNamespaceLabels("default=", out _, out var labels));
            Assert.Empty(labels);
        }

        [Theory]
        [InlineData("default")]
        [InlineData("=a=b")]
        [InlineData("default=novalue")]
        public void Rejects_malformed_values(string spec) => Assert.False(CheckCommand.TryParseNamespaceLabels(spec, out _, out _));
    }
}
