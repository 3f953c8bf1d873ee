using System.Text;
using KubeInject.Reading;
using KubeInject.Selection;
using KubeInject.Writing;
using KubeInject.Yaml;

namespace KubeInject;

public sealed partial class Injector
{
    /// <summary>
    /// Injects like <see cref="Inject(string, string)"/>, but the output holds, per injected workload, a kustomize-ready
    /// strategic merge patch instead of the manifest: the workload's <c>apiVersion</c>, <c>kind</c>, name and namespace,
    /// and its injected pod metadata and pod spec, each marked <c>$patch: replace</c>. Listed under a kustomization's
    /// <c>patches:</c> over the un-injected manifests, it produces what direct injection produces. Skipped workloads and
    /// other objects get no patch; <see cref="InjectionResult.Changed"/> is true when any patch was written.
    /// </summary>
    /// <exception cref="Diagnostics.KubeInjectException">As for <see cref="Inject(string, string)"/>.</exception>
    public InjectionResult InjectAsPatches(string text, string fileName)
    {
        var reports = new List<WorkloadReport>();
        var output = new StringBuilder();
        foreach (var document in ManifestReader.Read(text, fileName))
        {
            foreach (var workload in WorkloadSelector.Select(document, fileName, Kinds))
            {
                var report = InjectWorkload(workload);
                reports.Add(report);
                if (!report.Injected) continue;
                // A document with no source text: the writer emits the whole tree fresh.
                var doc = new ManifestDocument(0, "", 0, 0, PatchOf(workload), 1);
                output.Append("---\n").Append(DocumentWriter.ToText(doc));
                if (output[^1] != '\n') output.Append('\n');
            }
        }
        return new InjectionResult(output.ToString(), output.Length > 0, reports, []);
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
