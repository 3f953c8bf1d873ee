using KubeInject.Diagnostics;

namespace KubeInject.Selection;

/// <summary>
/// The kinds kube-inject injects, and where each keeps its pod template — a table, not a switch (kustomize's field
/// specs and kyaml's pod-template paths work the same way): Kubernetes' and OpenShift's built-in workloads, Argo
/// Rollouts and OpenKruise's, plus any the user declares.
/// </summary>
internal sealed class WorkloadKinds
{
    /// <summary>The kind whose items are recursed into.</summary>
    public const string List = "List";

    private static readonly string[] Template = ["spec", "template"];

    private static WorkloadKind Templated(string group, string kind, bool anyGroup = false) =>
        new(kind, [.. Template, "metadata"], [.. Template, "spec"]) { Group = group, AnyGroup = anyGroup };

    /// <summary>The built-in table.</summary>
    public static WorkloadKinds Builtin { get; } = new(
    [
        new WorkloadKind("Pod", ["metadata"], ["spec"]) { AnyGroup = true },
        Templated("apps", "Deployment", anyGroup: true),
        Templated("apps", "DaemonSet", anyGroup: true),
        Templated("apps", "StatefulSet", anyGroup: true),
        Templated("apps", "ReplicaSet", anyGroup: true),
        Templated("", "ReplicationController", anyGroup: true),
        Templated("batch", "Job", anyGroup: true),
        Templated("apps.openshift.io", "DeploymentConfig", anyGroup: true),
        // Istio quirk, reproduced because its golden files encode it: a CronJob's injected labels and
        // annotations go to spec.jobTemplate.metadata, not to the pod template's metadata.
        new WorkloadKind("CronJob", ["spec", "jobTemplate", "metadata"], ["spec", "jobTemplate", "spec", "template", "spec"]) { Group = "batch", AnyGroup = true },
        // Progressive delivery and advanced workloads: their controllers create the pods Istio's webhook injects.
        Templated("argoproj.io", "Rollout"),
        Templated("apps.kruise.io", "CloneSet"),
        Templated("apps.kruise.io", "StatefulSet"),
        Templated("apps.kruise.io", "DaemonSet"),
    ]);

    private readonly IReadOnlyList<WorkloadKind> _rows;

    private WorkloadKinds(IReadOnlyList<WorkloadKind> rows) => _rows = rows;

    /// <summary>Every row, built-in first.</summary>
    public IReadOnlyList<WorkloadKind> Rows => _rows;

    /// <summary>This table with <paramref name="declared"/> added; a declared row wins over a built-in one of the same group and kind.</summary>
    /// <exception cref="KubeInjectException">A malformed entry.</exception>
    public WorkloadKinds With(IReadOnlyList<WorkloadKindSpec> declared)
    {
        if (declared.Count == 0) return this;
        var rows = declared.Select(d => d.ToKind()).ToList();
        return new WorkloadKinds([.. rows, .. _rows]);
    }

    /// <summary>The row for an object of <paramref name="apiVersion"/> and <paramref name="kind"/>, or null.</summary>
    public WorkloadKind? Find(string apiVersion, string kind)
    {
        string group = GroupOf(apiVersion);
        WorkloadKind? anyGroup = null;
        foreach (var row in _rows)
        {
            if (row.Kind != kind) continue;
            if (row.Group == group) return row;
            if (row.AnyGroup) anyGroup ??= row;
        }
        return anyGroup;
    }

    /// <summary><c>apps/v1</c> → <c>apps</c>; <c>v1</c> → the core group (empty).</summary>
    public static string GroupOf(string apiVersion)
    {
        int slash = apiVersion.LastIndexOf('/');
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
