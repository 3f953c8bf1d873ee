using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// What Istio's typed round trip does to an injected object, reproduced so our output compares equal with
/// istioctl's (spec §1.6): zero values of <c>omitempty</c> scalar fields disappear, and fields Go always
/// writes (e.g. <c>status.replicas: 0</c> of a ReplicaSet) appear. Applied to injected workloads only;
/// empty maps such as <c>status: {}</c> or <c>creationTimestamp: null</c> are never added.
/// </summary>
internal static class GoTypedOutput
{
    // Non-omitempty fields of the workload types (k8s.io/api v0.30, openshift/api) that Go writes even when unset.
    private static readonly Dictionary<string, (string[] Path, string Field, YScalar Zero)[]> Required = new(StringComparer.Ordinal)
    {
        ["DaemonSet"] = [.. Status("currentNumberScheduled", "desiredNumberScheduled", "numberMisscheduled", "numberReady")],
        ["ReplicaSet"] = [.. Status("replicas")],
        ["ReplicationController"] = [.. Status("replicas")],
        ["StatefulSet"] = [.. Status("availableReplicas", "replicas"), (["spec"], "serviceName", new YScalar("", ScalarStyle.DoubleQuoted))],
        ["CronJob"] = [(["spec"], "schedule", new YScalar("", ScalarStyle.DoubleQuoted))],
        ["DeploymentConfig"] =
        [
            (["spec"], "test", YScalar.Bool(false)),
            .. Status("availableReplicas", "latestVersion", "observedGeneration", "replicas", "unavailableReplicas", "updatedReplicas"),
        ],
    };

    // omitempty scalars whose zero value Go drops, by the mapping they live in.
    private static readonly string[] WorkloadSpecOmitEmpty = ["paused", "minReadySeconds"];
    private static readonly string[] ProbeOmitEmpty = ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"];
    private static readonly string[] ContainerOmitEmpty = ["stdin", "stdinOnce", "tty", "workingDir", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy"];
    private static readonly string[] PodSpecOmitEmpty = ["hostNetwork", "hostPID", "hostIPC", "serviceAccountName", "nodeName", "hostname", "subdomain", "schedulerName", "priorityClassName"];
    private static readonly string[] ProbeNames = ["readinessProbe", "livenessProbe", "startupProbe"];

    public static void Apply(YMapping root, string kind, YMapping? podSpec)
    {
        if (root["spec"] is YMapping spec) DropZeros(spec, WorkloadSpecOmitEmpty);
        if (podSpec is not null)
        {
            DropZeros(podSpec, PodSpecOmitEmpty);
            foreach (var list in new[] { "containers", "initContainers" })
            {
                if (podSpec[list] is not YSequence containers) continue;
                foreach (var c in containers.Items.OfType<YMapping>())
                {
                    DropZeros(c, ContainerOmitEmpty);
                    foreach (var p in ProbeNames)
                        if (c[p] is YMapping probe) DropZeros(probe, ProbeOmitEmpty);
                }
            }
        }
        if (!Required.TryGetValue(kind, out var fields)) return;
        foreach (var (path, field, zero) in fields)
        {
            var target = root;
            foreach (var key in path) target = target.GetOrAddMapping(key);
            if (!target.ContainsKey(field) || target[field] is YScalar { Kind: ScalarKind.Null }) target.Set(field, zero.DeepClone());
        }
    }

    /// <summary>The always-written fields <see cref="Apply"/> adds to a workload of <paramref name="kind"/>, with their zero values.</summary>
    public static IReadOnlyList<(string[] Path, string Field, YScalar Zero)> RequiredFields(string kind) =>
        Required.TryGetValue(kind, out var fields) ? fields : [];

    private static IEnumerable<(string[], string, YScalar)> Status(params string[] fields) =>
        fields.Select(f => (new[] { "status" }, f, YScalar.Int(0)));

    private static void DropZeros(YMapping mapping, string[] keys)
    {
        foreach (var key in keys)
            if (mapping[key] is YScalar s && IsZero(s)) mapping.Remove(key);
    }

    private static bool IsZero(YScalar s) => s.Kind switch
    {
        ScalarKind.Bool => s.ToValue() is false,
        ScalarKind.Int => s.ToValue() is 0L,
        ScalarKind.String => s.Value.Length == 0,
        _ => false,
    };
}
