using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Selection;

/// <summary>Finds the injectable objects of a document, descending into <c>kind: List</c> items.</summary>
internal static class WorkloadSelector
{
    /// <summary>The workloads of a document, in order, by the built-in table; other objects are not returned (they pass through).</summary>
    public static IEnumerable<Workload> Select(ManifestDocument document, string fileName) => Select(document, fileName, WorkloadKinds.Builtin);

    /// <summary>The workloads of a document, in order, by <paramref name="kinds"/>.</summary>
    public static IEnumerable<Workload> Select(ManifestDocument document, string fileName, WorkloadKinds kinds)
    {
        if (document.Root is not YMapping root) return [];
        var found = new List<Workload>();
        Collect(root, document.Index, fileName, kinds, found);
        return found;
    }

    /// <summary>The workloads of one object that is not a whole document (a KRM ResourceList item).</summary>
    public static IReadOnlyList<Workload> SelectObject(YMapping obj, int documentIndex, string fileName, WorkloadKinds? kinds = null)
    {
        var found = new List<Workload>();
        Collect(obj, documentIndex, fileName, kinds ?? WorkloadKinds.Builtin, found);
        return found;
    }

    /// <summary>
    /// Objects of a document whose kind is not in <paramref name="kinds"/> but which hold a pod template (a mapping with
    /// a <c>containers</c> list under <c>spec</c>): a custom resource the user may have meant to inject. Each comes with
    /// the dotted path of that template.
    /// </summary>
    public static IReadOnlyList<(YMapping Object, string PodTemplate, SourceLocation Location)> Unrecognized(ManifestDocument document, string fileName, WorkloadKinds kinds)
    {
        var found = new List<(YMapping, string, SourceLocation)>();
        if (document.Root is YMapping root) CollectUnrecognized(root, document.Index, fileName, kinds, found);
        return found;
    }

    private static void Collect(YMapping obj, int documentIndex, string fileName, WorkloadKinds kinds, List<Workload> found)
    {
        string kind = Text(obj["kind"]);
        if (kind == WorkloadKinds.List)
        {
            if (obj["items"] is YSequence items)
                foreach (var item in items.Items)
                    if (item is YMapping m) Collect(m, documentIndex, fileName, kinds, found);
            return;
        }
        string apiVersion = Text(obj["apiVersion"]);
        if (kinds.Find(apiVersion, kind) is not { } info) return;
        var meta = obj["metadata"] as YMapping;
        var location = new SourceLocation(fileName, documentIndex, obj.Line, obj.Column);
        var workload = new Workload(info, obj, apiVersion, Text(meta?["name"]), Text(meta?["namespace"]), location);
        WorkloadShape.Validate(workload, documentIndex, fileName);
        found.Add(workload);
    }

    private static void CollectUnrecognized(YMapping obj, int documentIndex, string fileName, WorkloadKinds kinds, List<(YMapping, string, SourceLocation)> found)
    {
        string kind = Text(obj["kind"]);
        if (kind == WorkloadKinds.List)
        {
            if (obj["items"] is YSequence items)
                foreach (var item in items.Items.OfType<YMapping>()) CollectUnrecognized(item, documentIndex, fileName, kinds, found);
            return;
        }
        if (kind.Length == 0 || kinds.Find(Text(obj["apiVersion"]), kind) is not null) return;
        if (obj["spec"] is YMapping spec && PodTemplatePath(spec, "spec", depth: 0) is { } path)
            found.Add((obj, path, new SourceLocation(fileName, documentIndex, obj.Line, obj.Column)));
    }

    // The first mapping (breadth of a few levels) whose "spec" holds a "containers" list: the pod template.
    private static string? PodTemplatePath(YMapping node, string path, int depth)
    {
        if (depth > 4) return null;
        if (node["spec"] is YMapping podSpec && podSpec["containers"] is YSequence) return path;
        foreach (var entry in node.Entries)
            if (entry.Value is YMapping child && PodTemplatePath(child, path + "." + entry.Name, depth + 1) is { } found)
                return found;
        return null;
    }

}
