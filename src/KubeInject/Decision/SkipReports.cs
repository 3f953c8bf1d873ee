using KubeInject.Diagnostics;
using KubeInject.Selection;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Decision;

/// <summary>
/// The reports of workloads that were not changed, with the sentence people read: Istio's own wording for an
/// injection skip, ours for uninjection and for objects that only look like workloads.
/// </summary>
internal static class SkipReports
{
    /// <summary>Injection skipped (or injected, when <paramref name="reason"/> is null).</summary>
    public static WorkloadReport Injection(Workload w, bool injected, SkipReason? reason, string? image, IReadOnlyList<string> warnings) =>
        new(w.Kind, w.Namespace, w.Name, w.Location, injected, reason, image, warnings, reason is null ? null : InjectionSentence(w, reason));

    /// <summary>Uninjection skipped.</summary>
    public static WorkloadReport Uninjection(Workload w, SkipReason reason) =>
        new(w.Kind, w.Namespace, w.Name, w.Location, false, reason, null, [],
            $"Skipping uninjection because {w.Kind} \"{(w.Namespace.Length > 0 ? w.Namespace + "/" : "")}{w.Name}\" {reason.Sentence}");

    /// <summary>A custom resource with a pod template at <paramref name="podTemplate"/> whose kind is not in the table.</summary>
    public static WorkloadReport NotAWorkloadKind(YMapping obj, string podTemplate, SourceLocation location)
    {
        var meta = obj["metadata"] as YMapping;
        string kind = Text(obj["kind"]), name = Text(meta?["name"]), ns = Text(meta?["namespace"]);
        var reason = SkipReason.NotAWorkloadKind(WorkloadKinds.GroupOf(Text(obj["apiVersion"])), kind, podTemplate);
        return new WorkloadReport(kind, ns, name, location, false, reason, null, [],
            $"{kind} \"{(ns.Length > 0 ? ns + "/" : "")}{name}\" {reason.Sentence}");
    }

    // Istio's wording (spec §2): TypeMeta kind (owner-derived for Pods), and the pod template's own name when it
    // has one, else the workload's; prefixed with the workload's namespace.
    private static string InjectionSentence(Workload w, SkipReason reason)
    {
        var identity = WorkloadIdentity.Of(w);
        string name = Text(w.PodMetadata?["name"]) is { Length: > 0 } templateName ? templateName : identity.Name;
        string fullName = identity.Namespace.Length > 0 ? $"{identity.Namespace}/{name}" : name;
        string kind = identity.Kind.Length > 0 ? identity.Kind + " " : "";
        return $"Skipping injection because {kind}\"{fullName}\" {reason.Sentence}";
    }

}
