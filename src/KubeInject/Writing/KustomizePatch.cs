using KubeInject.Reading;
using KubeInject.Selection;
using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>
/// An injected workload as a kustomize strategic merge patch: its <c>apiVersion</c>, <c>kind</c>, name and namespace,
/// and its pod metadata and pod spec each marked <c>$patch: replace</c>.
/// </summary>
internal static class KustomizePatch
{
    /// <summary>The patch as a YAML document, starting with <c>---</c> and ending with a line break.</summary>
    public static string Write(Workload workload)
    {
        // A document with no source text: the writer emits the whole tree fresh.
        var text = "---\n" + DocumentWriter.ToText(new ManifestDocument(0, "", 0, 0, PatchOf(workload), 1));
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static YMapping PatchOf(Workload workload)
    {
        var patch = new YMapping();
        patch.Set("apiVersion", YScalar.String(workload.ApiVersion));
        patch.Set("kind", YScalar.String(workload.Kind));
        var meta = new YMapping();
        meta.Set("name", YScalar.String(workload.Name));
        if (workload.Namespace.Length > 0) meta.Set("namespace", YScalar.String(workload.Namespace));
        patch.Set("metadata", meta);
        foreach (var path in new[] { workload.KindInfo.MetadataPath, workload.KindInfo.SpecPath })
        {
            YNode? source = workload.Root;
            foreach (var key in path) source = (source as YMapping)?[key];
            if (source is not YMapping injected) continue;
            var target = patch;
            foreach (var key in path[..^1]) target = target.GetOrAddMapping(key);
            var replaced = new YMapping();
            replaced.Set("$patch", new YScalar("replace"));
            foreach (var e in injected.Entries) replaced.Set(e.Name, e.Value.DeepClone());
            target.Set(path[^1], replaced);
        }
        return patch;
    }
}
