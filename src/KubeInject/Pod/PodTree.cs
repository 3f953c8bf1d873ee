using KubeInject.Yaml;

namespace KubeInject.Pod;

/// <summary>
/// Read and write helpers over a pod-shaped mapping <c>{metadata, spec}</c>. Writers compare before they set,
/// so a value that is already there keeps its node (and its source text).
/// </summary>
internal static class PodTree
{
    /// <summary>The name of Istio's sidecar container.</summary>
    public const string ProxyName = "istio-proxy";

    /// <summary>The pod's <c>metadata</c> mapping, or null.</summary>
    public static YMapping? Metadata(YMapping pod) => pod["metadata"] as YMapping;

    /// <summary>The pod's <c>spec</c> mapping, or null.</summary>
    public static YMapping? Spec(YMapping pod) => pod["spec"] as YMapping;

    /// <summary>The pod's <c>spec.containers</c>, <c>spec.initContainers</c>, ... list, or null.</summary>
    public static YSequence? List(YMapping pod, string field) => Spec(pod)?[field] as YSequence;

    /// <summary>The <c>name</c> of a list item as Go reads it, or null when it has none.</summary>
    public static string? NameOf(YNode item) => (item as YMapping)?["name"] is YScalar s ? s.AsGoString() : null;

    /// <summary>Names of the items of a list (items without a name are skipped).</summary>
    public static List<string> Names(YSequence? list) =>
        list is null ? [] : list.Items.Select(NameOf).Where(n => n is not null).Select(n => n!).ToList();

    /// <summary>The first item named <paramref name="name"/> (Istio's <c>FindContainer</c>).</summary>
    public static YMapping? Find(YSequence? list, string name)
    {
        if (list is null) return null;
        foreach (var item in list.Items)
            if (item is YMapping m && NameOf(m) == name) return m;
        return null;
    }

    /// <summary>Istio's <c>FindContainerFromPod</c>: regular containers first, then init containers.</summary>
    public static YMapping? FindContainer(YMapping pod, string name) =>
        Find(List(pod, "containers"), name) ?? Find(List(pod, "initContainers"), name);

    /// <summary>Istio's <c>FindSidecar</c> on a pod (see <see cref="Sidecar.ContainerIn"/>).</summary>
    public static YMapping? FindSidecar(YMapping pod) => Sidecar.ContainerIn(Spec(pod));

    /// <summary>The annotations mapping, or null.</summary>
    public static YMapping? Annotations(YMapping pod) => Metadata(pod)?["annotations"] as YMapping;

    /// <summary>The labels mapping, or null.</summary>
    public static YMapping? Labels(YMapping pod) => Metadata(pod)?["labels"] as YMapping;

    /// <summary>An annotation's value as Kubernetes stores it (a string), or null when the key is absent.</summary>
    public static string? Annotation(YMapping pod, string key) => StringValue(Annotations(pod), key);

    /// <summary>A label's value, or null when absent.</summary>
    public static string? Label(YMapping pod, string key) => StringValue(Labels(pod), key);

    /// <summary>The Go string of a string-typed field, or null when the key is absent or not a scalar.</summary>
    public static string? StringValue(YMapping? map, string key) =>
        map is not null && map.Find(key) is { } e && e.Value is YScalar s ? s.AsGoString() : null;

    /// <summary>Creates (when absent) the annotations mapping, placed after <c>labels</c> as people usually write it.</summary>
    public static YMapping EnsureAnnotations(YMapping pod) =>
        pod.GetOrAddMapping("metadata").GetOrAddMapping("annotations", "labels");

    /// <summary>Creates (when absent) the labels mapping.</summary>
    public static YMapping EnsureLabels(YMapping pod) =>
        pod.GetOrAddMapping("metadata").GetOrAddMapping("labels", "namespace", "name", "generateName");

    /// <summary>
    /// Sets a string-typed field, leaving an existing string scalar with the same text untouched
    /// (so its quoting and position survive).
    /// </summary>
    public static void SetString(YMapping map, string key, string value, params string[] after)
    {
        var current = map[key] as YScalar;
        if (current is { Kind: ScalarKind.String } && current.Value == value) return;
        // A value the user quoted stays quoted the same way: the diff shows only the value changing.
        var replacement = current is { Style: ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted, Source: not null } || current?.KeepsQuoting == true
            ? new YScalar(value, value.Contains('\n') ? ScalarStyle.Literal : current.Style) { KeepsQuoting = true }
            : YScalar.String(value);
        map.SetAfter(key, replacement, after);
    }

    /// <summary>Sets an integer field unless it already holds that integer.</summary>
    public static void SetInt(YMapping map, string key, long value, params string[] after)
    {
        if (map[key] is YScalar { Kind: ScalarKind.Int } s && s.ToValue() is long l && l == value) return;
        map.SetAfter(key, YScalar.Int(value), after);
    }

    /// <summary>True for a missing node or a YAML null.</summary>
    public static bool IsNull(YNode? node) => node is null || node is YScalar { Kind: ScalarKind.Null };

    /// <summary>The container's <c>env</c> list, created (at the end of the container) when absent or null.</summary>
    public static YSequence EnsureEnv(YMapping container)
    {
        if (container["env"] is YSequence s) return s;
        var created = new YSequence();
        container.Set("env", created);
        return created;
    }

    /// <summary>A new <c>{name, value}</c> env entry.</summary>
    public static YMapping EnvVar(string name, string value)
    {
        var m = new YMapping();
        m.Set("name", YScalar.String(name));
        m.Set("value", YScalar.String(value));
        return m;
    }
}
