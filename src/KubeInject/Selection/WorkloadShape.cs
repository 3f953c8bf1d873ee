using KubeInject.Diagnostics;
using KubeInject.Yaml;

namespace KubeInject.Selection;

/// <summary>
/// Refuses a workload whose fields have the wrong YAML type where injection reads or writes them
/// (<c>containers</c> given as a mapping or a string, <c>annotations</c> as a list, …). The API server's decoder
/// refuses such a manifest; rewriting it would drop the user's data, so it is bad input naming the field and line.
/// A field that is absent or null is fine. Two containers of one list with the same name are refused too.
/// </summary>
internal static class WorkloadShape
{
    private enum Shape { Mapping, List, ListOfMappings, StringMap }

    private static readonly (string Key, Shape Shape)[] MetadataFields =
    [
        ("labels", Shape.StringMap), ("annotations", Shape.StringMap),
    ];

    private static readonly (string Key, Shape Shape)[] PodSpecFields =
    [
        ("containers", Shape.ListOfMappings), ("initContainers", Shape.ListOfMappings), ("ephemeralContainers", Shape.ListOfMappings),
        ("volumes", Shape.ListOfMappings), ("imagePullSecrets", Shape.ListOfMappings), ("hostAliases", Shape.ListOfMappings),
        ("tolerations", Shape.ListOfMappings), ("securityContext", Shape.Mapping), ("dnsConfig", Shape.Mapping),
        ("affinity", Shape.Mapping), ("nodeSelector", Shape.StringMap),
    ];

    private static readonly (string Key, Shape Shape)[] ContainerFields =
    [
        ("env", Shape.ListOfMappings), ("envFrom", Shape.ListOfMappings), ("ports", Shape.ListOfMappings),
        ("volumeMounts", Shape.ListOfMappings), ("args", Shape.List), ("command", Shape.List),
        ("securityContext", Shape.Mapping), ("resources", Shape.Mapping), ("lifecycle", Shape.Mapping),
        ("readinessProbe", Shape.Mapping), ("livenessProbe", Shape.Mapping), ("startupProbe", Shape.Mapping),
    ];

    /// <summary>Throws <see cref="KubeInjectException"/> at the first field of the wrong type.</summary>
    public static void Validate(Workload workload, int documentIndex, string fileName)
    {
        var info = workload.KindInfo;
        var check = new Checker(documentIndex, fileName);
        check.Node(workload.Root["metadata"], "metadata", Shape.Mapping);
        if (workload.Root["metadata"] is YMapping objectMeta) check.Fields(objectMeta, "metadata", MetadataFields);
        // Every mapping on the way to the pod's metadata and spec.
        foreach (var path in new[] { info.MetadataPath, info.SpecPath })
        {
            YNode? node = workload.Root;
            for (int i = 0; i < path.Length && node is YMapping m; i++)
            {
                node = m[path[i]];
                check.Node(node, string.Join('.', path[..(i + 1)]), Shape.Mapping);
            }
        }
        string metaPath = string.Join('.', info.MetadataPath), specPath = string.Join('.', info.SpecPath);
        if (workload.PodMetadata is { } podMeta) check.Fields(podMeta, metaPath, MetadataFields);
        if (workload.PodSpec is not { } spec) return;
        check.Fields(spec, specPath, PodSpecFields);
        foreach (var list in (ReadOnlySpan<string>)["containers", "initContainers", "ephemeralContainers"])
        {
            if (spec[list] is not YSequence containers) continue;
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < containers.Count; i++)
            {
                if (containers.Items[i] is not YMapping container) continue;
                check.Fields(container, $"{specPath}.{list}[{i}]", ContainerFields);
                // Injection finds containers by name; a repeated one (two istio-proxy) cannot be injected faithfully.
                if (container["name"] is YScalar { Kind: not ScalarKind.Null } name && !names.TryAdd(name.Value, i))
                    throw new KubeInjectException(
                        $"{specPath}.{list}[{i}].name: the container name '{name.Value}' is already used by {list}[{names[name.Value]}]; Kubernetes refuses a pod whose containers share a name",
                        new SourceLocation(fileName, documentIndex, name.Line, name.Column));
            }
        }
    }

    private readonly struct Checker(int documentIndex, string fileName)
    {
        public void Fields(YMapping owner, string path, (string Key, Shape Shape)[] fields)
        {
            foreach (var (key, shape) in fields) Node(owner[key], $"{path}.{key}", shape);
        }

        public void Node(YNode? node, string path, Shape shape)
        {
            if (node is null or YScalar { Kind: ScalarKind.Null }) return;
            bool ok = shape switch
            {
                Shape.Mapping => node is YMapping,
                Shape.StringMap => node is YMapping,
                _ => node is YSequence,
            };
            if (!ok) throw Refuse(node, path, shape is Shape.Mapping or Shape.StringMap ? "a mapping" : "a list");
            if (shape == Shape.StringMap)
            {
                foreach (var e in ((YMapping)node).Entries)
                    if (e.Value is not YScalar)
                        throw Refuse(e.Value, $"{path}.{e.Name}", "a string");
            }
            else if (shape == Shape.ListOfMappings)
            {
                var items = ((YSequence)node).Items;
                for (int i = 0; i < items.Count; i++)
                    if (items[i] is not (YMapping or YScalar { Kind: ScalarKind.Null }))
                        throw Refuse(items[i], $"{path}[{i}]", "a mapping");
            }
        }

        private KubeInjectException Refuse(YNode node, string path, string expected) =>
            new($"{path} must be {expected}, not {Describe(node)}; Kubernetes refuses this manifest and rewriting it would lose data",
                new SourceLocation(fileName, documentIndex, node.Line, node.Column));

        private static string Describe(YNode node) => node switch
        {
            YMapping => "a mapping",
            YSequence => "a list",
            _ => "a scalar",
        };
    }
}
