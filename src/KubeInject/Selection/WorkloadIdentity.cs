using System.Text.RegularExpressions;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Selection;

/// <summary>
/// Istio's TypeMeta and DeploymentMeta for a workload (spec §1.4): what the templates call the owner.
/// For a bare Pod with <c>generateName</c>, the controller owner reference is followed with Istio's heuristics.
/// </summary>
/// <param name="Kind">TypeMeta kind.</param>
/// <param name="ApiVersion">TypeMeta apiVersion.</param>
/// <param name="Name">DeploymentMeta name (may be empty).</param>
/// <param name="Namespace">DeploymentMeta namespace (may be empty).</param>
internal sealed partial record WorkloadIdentity(string Kind, string ApiVersion, string Name, string Namespace)
{
    [GeneratedRegex(@"^(.+)-\d{8,10}$")]
    private static partial Regex CronJobSuffix();

    public static WorkloadIdentity Of(Workload workload)
    {
        if (workload.Kind != "Pod")
            return new WorkloadIdentity(workload.Kind, workload.ApiVersion, workload.Name, workload.Namespace);

        var meta = workload.PodMetadata;
        var identity = new WorkloadIdentity("Pod", "v1", workload.Name, workload.Namespace);
        if (Text(meta?["generateName"]).Length == 0) return identity;
        if (meta?["ownerReferences"] is not YSequence owners) return identity;
        var controller = owners.Items.OfType<YMapping>().FirstOrDefault(o => o["controller"] is YScalar { Kind: ScalarKind.Bool } c && (bool)c.ToValue()!);
        if (controller is null) return identity;

        string ownerKind = Text(controller["kind"]), ownerName = Text(controller["name"]), ownerApi = Text(controller["apiVersion"]);
        var labels = meta["labels"] as YMapping;
        string podTemplateHash = Text(labels?["pod-template-hash"]);
        string rolloutsHash = Text(labels?["rollouts-pod-template-hash"]);
        string deploymentConfig = Text(labels?["deploymentconfig"]);
        identity = identity with { Kind = ownerKind, ApiVersion = ownerApi, Name = ownerName };
        if (ownerKind == "ReplicaSet" && podTemplateHash.Length > 0 && ownerName.EndsWith(podTemplateHash, StringComparison.Ordinal))
            return identity with { Name = TrimSuffix(ownerName, "-" + podTemplateHash), Kind = "Deployment" };
        if (ownerKind == "ReplicaSet" && rolloutsHash.Length > 0 && ownerName.EndsWith(rolloutsHash, StringComparison.Ordinal))
            return identity with { Name = TrimSuffix(ownerName, "-" + rolloutsHash), Kind = "Rollout", ApiVersion = "v1alpha1" };
        if (ownerKind == "ReplicationController" && deploymentConfig.Length > 0)
            return identity with { Name = deploymentConfig, Kind = "DeploymentConfig" };
        if (ownerKind == "Job" && CronJobSuffix().Match(ownerName) is { Success: true } m)
            return identity with { Name = m.Groups[1].Value, Kind = "CronJob", ApiVersion = "batch/v1" };
        return identity;
    }

    private static string TrimSuffix(string s, string suffix) => s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

}
