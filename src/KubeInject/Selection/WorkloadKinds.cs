namespace KubeInject.Selection;

/// <summary>
/// The kinds kube-inject injects, and where each keeps its pod template — a table, not a switch
/// (kyaml's ConventionalContainerPaths idea).
/// </summary>
internal static class WorkloadKinds
{
    private static readonly string[] Template = ["spec", "template"];

    /// <summary>All injectable kinds by <c>kind</c>.</summary>
    public static IReadOnlyDictionary<string, WorkloadKind> ByKind { get; } = new[]
    {
        new WorkloadKind("Pod", ["metadata"], ["spec"]),
        new WorkloadKind("Deployment", [.. Template, "metadata"], [.. Template, "spec"]),
        new WorkloadKind("DaemonSet", [.. Template, "metadata"], [.. Template, "spec"]),
        new WorkloadKind("StatefulSet", [.. Template, "metadata"], [.. Template, "spec"]),
        new WorkloadKind("ReplicaSet", [.. Template, "metadata"], [.. Template, "spec"]),
        new WorkloadKind("ReplicationController", [.. Template, "metadata"], [.. Template, "spec"]),
        new WorkloadKind("Job", [.. Template, "metadata"], [.. Template, "spec"]),
        new WorkloadKind("DeploymentConfig", [.. Template, "metadata"], [.. Template, "spec"]),
        // Istio quirk, reproduced because its golden files encode it: a CronJob's injected labels and
        // annotations go to spec.jobTemplate.metadata, not to the pod template's metadata.
        new WorkloadKind("CronJob", ["spec", "jobTemplate", "metadata"], ["spec", "jobTemplate", "spec", "template", "spec"]),
    }.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    /// <summary>The kind whose items are recursed into.</summary>
    public const string List = "List";
}
