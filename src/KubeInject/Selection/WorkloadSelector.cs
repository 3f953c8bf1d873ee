using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Selection;

/// <summary>Finds the injectable objects of a document, descending into <c>kind: List</c> items.</summary>
internal static class WorkloadSelector
{
    /// <summary>The workloads of a document, in order; other objects are not returned (they pass through).</summary>
    public static IEnumerable<Workload> Select(ManifestDocument document, string fileName)
    {
        if (document.Root is not YMapping root) return [];
        var found = new List<Workload>();
        Collect(root, document, fileName, found);
        return found;
    }

    /// <summary>The workloads of one object that is not a whole document (a KRM ResourceList item).</summary>
    public static IReadOnlyList<Workload> SelectObject(YMapping obj, int documentIndex, string fileName)
    {
        var found = new List<Workload>();
        Collect(obj, documentIndex, fileName, found);
        return found;
    }

    private static void Collect(YMapping obj, ManifestDocument document, string fileName, List<Workload> found) =>
        Collect(obj, document.Index, fileName, found);

    private static void Collect(YMapping obj, int documentIndex, string fileName, List<Workload> found)
    {
        string kind = Text(obj["kind"]);
        if (kind == WorkloadKinds.List)
        {
            if (obj["items"] is YSequence items)
                foreach (var item in items.Items)
                    if (item is YMapping m) Collect(m, documentIndex, fileName, found);
            return;
        }
        if (!WorkloadKinds.ByKind.TryGetValue(kind, out var info)) return;
        var meta = obj["metadata"] as YMapping;
        var location = new SourceLocation(fileName, documentIndex, obj.Line, obj.Column);
        var workload = new Workload(info, obj, Text(obj["apiVersion"]), Text(meta?["name"]), Text(meta?["namespace"]), location);
        if (info.TemplateRequired && workload.PodSpec is null && workload.MetadataParent is null)
            throw new KubeInjectException($"{kind} {workload.Name}: spec.template is required value", location);
        WorkloadShape.Validate(workload, documentIndex, fileName);
        found.Add(workload);
    }

    private static string Text(YNode? node) => node is YScalar s ? s.AsGoString() : "";
}
