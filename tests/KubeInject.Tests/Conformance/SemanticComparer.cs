using System.Numerics;
using System.Text.RegularExpressions;
using KubeInject.Diagnostics;

namespace KubeInject.Tests.Conformance;

/// <summary>
/// A port of /work/shared/conformance/compare.py's compare_streams: the same normalisation, the same
/// equality and the same difference lines, so a failing test reads like the corpus runner's output.
/// Rules are documented in that folder's README ("compare.py").
/// </summary>
public static partial class SemanticComparer
{
    // util.StripVersion from istio/pilot/test/util/diff.go (an unescaped '.' matches any character, as in Go).
    [GeneratedRegex("sidecar.istio.io/status: '\\{\"version\":\"([0-9a-f]+)\",")]
    private static partial Regex StatusVersion();

    private static readonly HashSet<string> JsonAnnotations = ["sidecar.istio.io/status", "proxy.istio.io/overrides"];
    private static readonly HashSet<string> JsonEnvNames = ["PROXY_CONFIG", "ISTIO_META_POD_PORTS", "ISTIO_KUBE_APP_PROBERS", "ISTIO_PROMETHEUS_ANNOTATIONS"];

    // Rule 8: zero values of the non-pointer fields Go's typed round trip drops or always writes (GO_ZERO_KEYS).
    private static readonly HashSet<string> GoZeroKeys =
    [
        "paused", "minReadySeconds", "test", "serviceName", "schedule",
        "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold",
        "stdin", "stdinOnce", "tty", "workingDir", "terminationMessagePath", "terminationMessagePolicy",
        "imagePullPolicy",
        "hostNetwork", "hostPID", "hostIPC", "serviceAccountName", "nodeName", "hostname", "subdomain",
        "schedulerName", "priorityClassName",
    ];

    /// <summary>Difference lines between two multi-document YAML streams; empty when semantically equal.</summary>
    public static IReadOnlyList<string> Compare(string expected, string actual)
    {
        List<object?> ed, ad;
        try { ed = Load(expected, "expected"); }
        catch (Exception e) when (e is KubeInjectException or FormatException) { return [$"expected: YAML parse error: {Flat(e)}"]; }
        try { ad = Load(actual, "actual"); }
        catch (Exception e) when (e is KubeInjectException or FormatException) { return [$"actual: YAML parse error: {Flat(e)}"]; }
        var diffs = new List<string>();
        if (ed.Count != ad.Count) diffs.Add($"documents: expected {ed.Count} got {ad.Count} (after dropping empty documents)");
        for (int i = 0; i < Math.Min(ed.Count, ad.Count); i++) CompareValues(ed[i], ad[i], $"doc[{i}]", diffs);
        return diffs;
    }

    /// <summary>The first <paramref name="max"/> lines, then "... and N more differences", as compare.py prints them.</summary>
    public static string Format(IReadOnlyList<string> diffs, int max = 40)
    {
        var lines = diffs.Take(max).ToList();
        if (diffs.Count > max) lines.Add($"... and {diffs.Count - max} more differences");
        return string.Join("\n", lines);
    }

    /// <summary>util.StripVersion.</summary>
    public static string StripVersion(string text) => StatusVersion().Replace(text, "sidecar.istio.io/status: '{\"version\":\"\",");

    private static string Flat(Exception e) => e.ToString().Replace("\n", " ");

    private static List<object?> Load(string text, string label)
    {
        var docs = new List<object?>();
        foreach (var d in PyYamlView.LoadAll(StripVersion(text), label))
        {
            if (d is null) continue;
            var n = DropStatus(Normalize(d));
            if (!IsEmpty(n)) docs.Add(n);
        }
        return docs;
    }

    // Rule 8: a document's top-level status (and each status of a List's items) is never applied.
    private static object? DropStatus(object? doc)
    {
        if (doc is PyDict d)
        {
            d.Remove("status");
            if (d.TryGetValue("kind", out var kind) && kind is "List" && d.TryGetValue("items", out var items) && items is List<object?> list)
                foreach (var item in list) DropStatus(item);
        }
        return doc;
    }

    // compare.py _is_go_zero: False, "" or the int 0 (not a float, not a bool that equals 0).
    private static bool IsGoZero(object? v) => v is false || v is "" || v is BigInteger { IsZero: true };

    private static bool IsEmpty(object? v) => v is null || v is PyDict { Count: 0 } || v is List<object?> { Count: 0 };

    // compare.py normalize: drop null/{}/[] values bottom-up (except emptyDir: {}), mark JSON-valued strings,
    // wrap limits/requests values as quantities.
    private static object? Normalize(object? v, object? key = null)
    {
        if (v is PyDict d)
        {
            var o = new PyDict();
            foreach (var (k, x) in d)
            {
                var nx = Normalize(x, k);
                if (k is string ks && JsonAnnotations.Contains(ks) && nx is string s) nx = new JsonText(s);
                if (PyJson.IsQuantityParent(key)) nx = PyJson.AsQuantity(nx);
                if (IsEmpty(nx) && !(k is "emptyDir" && nx is PyDict)) continue;
                if (k is string gk && GoZeroKeys.Contains(gk) && IsGoZero(nx)) continue;
                o[k] = nx;
            }
            return o;
        }
        if (v is List<object?> l)
        {
            var items = l.Select(x => Normalize(x)).ToList();
            if (key is "env")
                foreach (var it in items)
                    if (it is PyDict env && env.TryGetValue("name", out var name) && name is string n && JsonEnvNames.Contains(n)
                        && env.TryGetValue("value", out var value) && value is string s)
                        env["value"] = new JsonText(s);
            return items;
        }
        return v;
    }

    private static void CompareValues(object? e, object? a, string path, List<string> diffs)
    {
        if (e is JsonText je && a is JsonText ja)
        {
            if (PyJson.TryParse(je.S, out var pe) && PyJson.TryParse(ja.S, out var pa))
                CompareValues(PyJson.Quantities(pe), PyJson.Quantities(pa), path + "<json>", diffs);
            else if (je.S != ja.S)
                diffs.Add($"{path}: expected {PyFormat.Show(je.S)} got {PyFormat.Show(ja.S)}");
            return;
        }
        if (e is Quantity qe && a is Quantity qa)
        {
            if (!qe.SameValue(qa)) diffs.Add($"{path}: expected quantity {PyFormat.Show(qe.Text)} got {PyFormat.Show(qa.Text)}");
            return;
        }
        e = Unwrap(e);
        a = Unwrap(a);
        if (e is PyDict de && a is PyDict da)
        {
            foreach (var (k, x) in de)
            {
                if (!da.TryGetValue(k, out var y)) diffs.Add($"{PyFormat.KeyPath(path, k)}: missing in actual (expected {PyFormat.Show(x)})");
                else CompareValues(x, y, PyFormat.KeyPath(path, k), diffs);
            }
            foreach (var (k, y) in da)
                if (!de.ContainsKey(k)) diffs.Add($"{PyFormat.KeyPath(path, k)}: unexpected in actual (got {PyFormat.Show(y)})");
            return;
        }
        if (e is List<object?> le && a is List<object?> la)
        {
            int n = Math.Min(le.Count, la.Count);
            for (int i = 0; i < n; i++) CompareValues(le[i], la[i], $"{path}[{i}]", diffs);
            if (le.Count != la.Count)
            {
                diffs.Add($"{path}: expected {le.Count} items got {la.Count}");
                for (int i = n; i < le.Count; i++) diffs.Add($"{path}[{i}]: missing in actual (expected {PyFormat.Show(le[i])})");
                for (int i = n; i < la.Count; i++) diffs.Add($"{path}[{i}]: unexpected in actual (got {PyFormat.Show(la[i])})");
            }
            return;
        }
        if (PyFormat.TypeName(e) != PyFormat.TypeName(a))
        {
            diffs.Add($"{path}: expected {PyFormat.Show(e)} ({PyFormat.TypeName(e)}) got {PyFormat.Show(a)} ({PyFormat.TypeName(a)})");
            return;
        }
        if (!PyEquals(e, a)) diffs.Add($"{path}: expected {PyFormat.Show(e)} got {PyFormat.Show(a)}");
    }

    // A lone Quantity or JsonText is compared as its text.
    private static object? Unwrap(object? v) => v switch
    {
        Quantity q => q.Text,
        JsonText j => j.S,
        _ => v,
    };

    // Python == for two scalars of the same type (NaN is unequal to itself).
    private static bool PyEquals(object? e, object? a) => (e, a) switch
    {
        (null, null) => true,
        (double x, double y) => x == y,
        (BigInteger x, BigInteger y) => x == y,
        (PyTimestamp x, PyTimestamp y) => Equals(x.Value, y.Value),
        _ => Equals(e, a),
    };
}
