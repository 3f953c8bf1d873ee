namespace KubeInject.Tests.Conformance;

/// <summary>
/// Our comparer must say exactly what compare.py says. These run compare.py itself (python3 + PyYAML) on the
/// same pairs and compare the full lists of difference lines; they skip where python or the corpus is absent.
/// </summary>
public sealed class ComparerAgreementTests
{
    [Fact]
    public void Comparer_agrees_with_compare_py_across_different_goldens()
    {
        SkipUnlessPython();
        var cases = ConformanceCorpus.Cases("1.23.0");
        string A(string id) => File.ReadAllText(cases.Single(c => c.Id == id).ExpectedPath!);
        AssertAgree((A("hello"), A("hello-tracing-disabled")), (A("proxy-override-runas"), A("proxy-override-runas--tproxy")),
            (A("traffic-annotations"), A("status_params")), (A("hello-probes"), A("gateway--native-sidecars")));
    }

    public static TheoryData<string, string> TrickyPairs => new()
    {
        { "a: 1\nb: '1'\nc: yes\nd: 'yes'\ne: y\nf: 1.0\ng: 1.5e3\nh: 0x1F\ni: 1:30\nj: ~\n", "a: '1'\nb: 1\nc: 'yes'\nd: true\ne: 'y'\nf: 1\ng: 1.5e+3\nh: 31\ni: 90\nk: []\n" },
        { "m: {x: {}, y: [], z: null, emptyDir: {}}\nl: [null, {}, []]\n", "m: {}\nl: [~, {}, []]\n---\n---\nzz: {}\n" },
        { "r:\n  limits: {cpu: 3000m, memory: 1024Mi, x: abc}\n  requests: {cpu: 100m}\n", "r:\n  limits: {cpu: '3', memory: 1Gi, x: abd}\n  requests: {cpu: 0.2}\n" },
        { "env:\n- name: PROXY_CONFIG\n  value: '{\"a\":1,\"b\":{\"limits\":{\"cpu\":\"1\"}}}'\n- name: OTHER\n  value: '{\"a\":1}'\n",
          "env:\n- name: PROXY_CONFIG\n  value: '{\"b\":{\"limits\":{\"cpu\":\"1000m\"}},\"a\":1.0}'\n- name: OTHER\n  value: '{\"a\": 1}'\n" },
        { "metadata:\n  annotations:\n    sidecar.istio.io/status: '{\"version\":\"abc123\",\"x\":[]}'\n    \"weird key\": \"it's\"\n    k: \"é\\u0001\\t\"\n",
          "metadata:\n  annotations:\n    sidecar.istio.io/status: '{\"version\":\"\",\"x\":null}'\n    \"weird key\": 'it\"s'\n    k: \"e\"\n" },
        { "base: &b {p: 1, q: 2}\nuse:\n  <<: *b\n  q: 3\nt: 2001-12-14\nu: 2001-12-14 21:59:43.10 -5\nf: .nan\nv: 2001-12-14t21:59:43Z\nw: {x: 2001-12-14 21:59:43, y: 2002-01-02 03:04:05.5 +05:30}\n",
          "base: {p: 1, q: 2}\nuse: {p: 1, q: 3}\nt: '2001-12-14'\nu: 2001-12-15T02:59:43.1Z\nf: .nan\nv: 1\nw: 2\n" },
        { "a: [1, 2, 3]\nb: {x: 1}\nc: 100000000000000000000000\nd: 1e16\n", "a: [1]\nb: [x]\nc: 1e23\nd: 10000000000000000.0\n" },
        { "80: http\ntrue: t\n\"8080\": s\nx: {a: [{b: 1}, {c: [1, 2]}]}\ny: 0.1\nz: -0.00001\n", "80: https\n'true': t\n8080: s\nx: {a: [{b: 2}]}\ny: 0.10000000000000001\nz: -1.0e-05\n" },
        { "a:\n  annotations:\n    proxy.istio.io/overrides: 'not json'\n  env:\n  - name: ISTIO_META_POD_PORTS\n    value: |-\n      [\n          {\"containerPort\":80}\n      ]\n  - name: ISTIO_KUBE_APP_PROBERS\n  - name: ISTIO_PROMETHEUS_ANNOTATIONS\n    value: '{}'\n",
          "a:\n  annotations:\n    proxy.istio.io/overrides: 'not json either'\n  env:\n  - name: ISTIO_META_POD_PORTS\n    value: '[{\"containerPort\":\"80\"},{\"a\":\"ü\\u2028\"}]'\n  - name: ISTIO_KUBE_APP_PROBERS\n    value: ''\n  - name: ISTIO_PROMETHEUS_ANNOTATIONS\n    value: '{\"tracing\":{}}'\n" },
        { "resources:\n  limits: {cpu: 1.5, memory: 1e3, gpu: 2, n: 10n, x: null}\n  requests: {}\n", "resources:\n  limits: {cpu: 1500m, memory: 1k, gpu: '2', n: 0.01u}\n" },
    };

    [Theory]
    [MemberData(nameof(TrickyPairs))]
    public void Comparer_agrees_with_compare_py_on_tricky_scalars_and_structures(string expected, string actual)
    {
        SkipUnlessPython();
        AssertAgree((expected, actual), (actual, expected));
    }

    [Theory]
    [MemberData(nameof(Versions.BundledVersions.All), MemberType = typeof(Versions.BundledVersions))]
    public void Comparer_agrees_with_compare_py_on_every_golden_versus_its_input_and_its_neighbour(string version)
    {
        SkipUnlessPython();
        var texts = ConformanceCorpus.Cases(version).Where(c => c.ExpectedPath is not null)
            .Select(c => (Input: File.ReadAllText(c.InputPath), Golden: File.ReadAllText(c.ExpectedPath!))).ToList();
        if (texts.Count == 0) Assert.Skip($"no istio-{version} cases");
        var pairs = texts.SelectMany((t, i) => new[] { (t.Golden, t.Input), (t.Input, t.Golden), (t.Golden, texts[(i + 1) % texts.Count].Golden) }).ToList();
        AssertAgree([.. pairs]);
    }

    // One python process per call: python takes over a second to start on a busy machine.
    private static void AssertAgree(params (string Expected, string Actual)[] pairs)
    {
        var python = ComparePy.Differences(pairs);
        for (int i = 0; i < pairs.Length; i++)
            Assert.Equal(string.Join("\n", python[i]), string.Join("\n", SemanticComparer.Compare(pairs[i].Expected, pairs[i].Actual)));
    }

    private static void SkipUnlessPython()
    {
        if (ComparePy.WhyUnavailable is { } why) Assert.Skip(why);
    }
}
