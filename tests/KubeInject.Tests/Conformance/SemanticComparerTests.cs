namespace KubeInject.Tests.Conformance;

/// <summary>Each rule of compare.py (corpus README, "compare.py"), on small inline streams.</summary>
public sealed class SemanticComparerTests
{
    private static IReadOnlyList<string> Diff(string expected, string actual) => SemanticComparer.Compare(expected, actual);

    [Fact]
    public void Mappings_compare_regardless_of_key_order()
    {
        Assert.Empty(Diff("a: 1\nb: {c: 2, d: 3}\n", "b: {d: 3, c: 2}\na: 1\n"));
    }

    [Fact]
    public void Sequences_compare_in_order()
    {
        Assert.Equal(["doc[0].l[0]: expected 1 got 2", "doc[0].l[1]: expected 2 got 1"], Diff("l: [1, 2]\n", "l: [2, 1]\n"));
    }

    [Fact]
    public void A_quoted_number_is_a_string_and_differs_from_an_int()
    {
        Assert.Equal(["doc[0].port: expected '15020' (str) got 15020 (int)"], Diff("port: \"15020\"\n", "port: 15020\n"));
    }

    [Fact]
    public void Unquoted_yes_and_true_are_the_same_bool_but_quoted_yes_is_a_string()
    {
        Assert.Empty(Diff("a: yes\n", "a: true\n"));
        Assert.Equal(["doc[0].a: expected 'yes' (str) got True (bool)"], Diff("a: 'yes'\n", "a: yes\n"));
    }

    [Fact]
    public void A_lone_y_is_a_string_as_in_pyyaml()
    {
        Assert.Empty(Diff("a: y\n", "a: 'y'\n"));
        Assert.Equal(["doc[0].a: expected 'n' (str) got False (bool)"], Diff("a: n\n", "a: false\n"));
    }

    [Fact]
    public void Int_and_float_differ_and_bool_and_int_differ()
    {
        Assert.Equal(["doc[0].a: expected 1 (int) got 1.0 (float)", "doc[0].b: expected True (bool) got 1 (int)"],
            Diff("a: 1\nb: true\n", "a: 1.0\nb: 1\n"));
    }

    [Fact]
    public void Null_and_empty_values_are_removed_bottom_up_but_empty_strings_stay()
    {
        Assert.Empty(Diff("metadata: {creationTimestamp: null}\nspec: {strategy: {}, x: {y: []}}\nkind: Pod\n", "kind: Pod\n"));
        Assert.Equal(["doc[0].s: missing in actual (expected '')"], Diff("s: ''\nk: 1\n", "k: 1\n"));
    }

    [Fact]
    public void An_empty_emptyDir_is_kept_because_it_selects_the_volume_type()
    {
        Assert.Equal(["doc[0].volumes[0].emptyDir: missing in actual (expected {})"],
            Diff("volumes:\n- name: v\n  emptyDir: {}\n", "volumes:\n- name: v\n"));
    }

    [Fact]
    public void Sequence_items_are_never_removed()
    {
        Assert.Equal(["doc[0].l: expected 2 items got 1", "doc[0].l[1]: missing in actual (expected {})"], Diff("l: [1, {}]\n", "l: [1]\n"));
    }

    [Fact]
    public void Json_env_values_compare_as_parsed_json_without_empty_removal()
    {
        const string env = "env:\n- name: PROXY_CONFIG\n  value: '{0}'\n";
        Assert.Empty(Diff(env.Replace("{0}", "{\"a\":1,\"b\":[2]}"), env.Replace("{0}", "{ \"b\": [2], \"a\": 1 }")));
        Assert.Equal(["doc[0].env[0].value<json>.tracing: missing in actual (expected {})"],
            Diff(env.Replace("{0}", "{\"tracing\":{}}"), env.Replace("{0}", "{}")));
    }

    [Fact]
    public void Json_is_compared_only_for_the_listed_env_names()
    {
        const string env = "env:\n- name: OTHER\n  value: '{0}'\n";
        Assert.Single(Diff(env.Replace("{0}", "{\"a\":1}"), env.Replace("{0}", "{\"a\": 1}")));
    }

    [Fact]
    public void The_status_annotation_compares_as_json_and_keeps_null_values()
    {
        const string doc = "metadata:\n  annotations:\n    sidecar.istio.io/status: '{0}'\n";
        Assert.Empty(Diff(doc.Replace("{0}", "{\"a\":[1],\"b\":null}"), doc.Replace("{0}", "{\"b\":null,\"a\":[1]}")));
        Assert.Equal(["doc[0].metadata.annotations[\"sidecar.istio.io/status\"]<json>.imagePullSecrets: missing in actual (expected null)"],
            Diff(doc.Replace("{0}", "{\"imagePullSecrets\":null}"), doc.Replace("{0}", "{}")));
    }

    [Fact]
    public void Quantities_under_limits_and_requests_compare_by_value()
    {
        Assert.Empty(Diff("resources: {limits: {cpu: 3000m, memory: 1024Mi}, requests: {cpu: 100m}}\n",
            "resources: {limits: {cpu: '3', memory: 1Gi}, requests: {cpu: 0.1}}\n"));
        Assert.Equal(["doc[0].resources.limits.cpu: expected quantity '2' got '3'"],
            Diff("resources: {limits: {cpu: 2}}\n", "resources: {limits: {cpu: '3'}}\n"));
    }

    [Fact]
    public void Quantities_inside_json_values_compare_by_value()
    {
        const string doc = "metadata:\n  annotations:\n    proxy.istio.io/overrides: '{0}'\n";
        Assert.Empty(Diff(doc.Replace("{0}", "{\"resources\":{\"requests\":{\"memory\":\"1Gi\"}}}"),
            doc.Replace("{0}", "{\"resources\":{\"requests\":{\"memory\":\"1024Mi\"}}}")));
    }

    [Fact]
    public void Quantities_elsewhere_compare_as_text()
    {
        Assert.Equal(["doc[0].cpu: expected '3000m' got '3'"], Diff("cpu: 3000m\n", "cpu: '3'\n"));
    }

    [Fact]
    public void A_hex_status_version_is_stripped_before_comparing()
    {
        Assert.Equal("sidecar.istio.io/status: '{\"version\":\"\",\"x\":1}'",
            SemanticComparer.StripVersion("sidecar.istio.io/status: '{\"version\":\"0123abcd\",\"x\":1}'"));
        const string doc = "metadata:\n  annotations:\n    sidecar.istio.io/status: '{\"version\":\"{0}\",\"x\":1}'\n";
        Assert.Empty(Diff(doc.Replace("{0}", "deadbeef"), doc.Replace("{0}", "")));
    }

    [Fact]
    public void Empty_documents_are_dropped_and_the_document_count_must_match()
    {
        Assert.Empty(Diff("a: 1\n---\n", "---\na: 1\n---\n---\nstatus: {}\n"));
        Assert.Equal(["documents: expected 2 got 1 (after dropping empty documents)"], Diff("a: 1\n---\nb: 2\n", "a: 1\n"));
    }

    [Fact]
    public void Difference_lines_quote_keys_that_are_not_identifiers()
    {
        Assert.Equal(["doc[0].labels[\"app.kubernetes.io/name\"]: expected 'a' got 'b'"],
            Diff("labels: {app.kubernetes.io/name: a}\n", "labels: {app.kubernetes.io/name: b}\n"));
    }

    [Fact]
    public void The_example_difference_line_from_the_readme_comes_out_verbatim()
    {
        const string doc = "spec:\n  template:\n    spec:\n      containers:\n      - name: a\n      - env:\n        - name: X\n          value: {0}\n";
        Assert.Equal(["doc[0].spec.template.spec.containers[1].env[0].value: expected 'Kubernetes' got 'Kubernetes2'"],
            Diff(doc.Replace("{0}", "Kubernetes"), doc.Replace("{0}", "Kubernetes2")));
    }

    [Fact]
    public void Format_lists_forty_lines_then_says_how_many_more()
    {
        var lines = Enumerable.Range(0, 45).Select(i => $"d{i}").ToList();
        var text = SemanticComparer.Format(lines).Split('\n');
        Assert.Equal(41, text.Length);
        Assert.Equal("... and 5 more differences", text[^1]);
    }
}
