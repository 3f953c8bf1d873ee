using KubeInject.Selection;
using KubeInject.Yaml;

namespace KubeInject.Decision;

/// <summary>
/// A workload document that is not a whole workload — typically a kustomize strategic-merge patch (a Deployment
/// with only <c>replicas</c>, or containers without images) — is not injected: a sidecar merged into a patch would
/// be merged again into the base by kustomize, and the API server would reject such a document anyway.
/// </summary>
internal static class IncompleteWorkload
{
    /// <summary>Why <paramref name="workload"/> is not complete enough to inject, or null when it is.</summary>
    public static string? Why(Workload workload)
    {
        var where = string.Join('.', workload.KindInfo.SpecPath);
        if (workload.PodSpec is not { } spec) return $"no {where}";
        // A native sidecar alone (istio-proxy moved to initContainers, no app container) is still a whole pod.
        var lists = new[] { spec["containers"], spec["initContainers"] }.OfType<YSequence>().ToList();
        if (lists.Sum(l => l.Count) == 0) return $"no {where}.containers";
        foreach (var item in lists.SelectMany(l => l.Items))
        {
            if (item is not YMapping c) continue;
            if (c["image"] is not YScalar { Kind: not ScalarKind.Null } image || image.Value.Length == 0)
                return $"container \"{(c["name"] as YScalar)?.Value}\" has no image";
        }
        return null;
    }
}
