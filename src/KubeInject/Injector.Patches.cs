using System.Text;
using KubeInject.Writing;

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
        foreach (var document in Pipeline().Run(new StringReader(text), fileName))
        {
            reports.AddRange(document.Reports);
            foreach (var (workload, report) in document.Workloads)
                if (report.Injected) output.Append(KustomizePatch.Write(workload));
        }
        return new InjectionResult(output.ToString(), output.Length > 0, reports, []);
    }
}
