namespace KubeInject.Merging;

/// <summary>
/// The Pod schema's patch strategies as data (Kubernetes' <c>patchStrategy</c>/<c>patchMergeKey</c> struct tags),
/// keyed by the dotted field path from the pod root (list indexes left out), plus where new keys are placed.
/// </summary>
internal static class MergeStrategy
{
    private static readonly string[] ContainerLists = ["spec.containers", "spec.initContainers", "spec.ephemeralContainers"];

    private static readonly Dictionary<string, string> MergeKeys = BuildMergeKeys();

    // Lists of scalars merged as a set union (patchStrategy "merge" without a key).
    private static readonly HashSet<string> ScalarUnions = ["metadata.finalizers"];

    // Where a key that the patch adds goes, so the result reads the way people write pods; else at the end.
    private static readonly Dictionary<string, string[]> Placement = new()
    {
        ["spec.initContainers"] = ["containers"],
        ["metadata.annotations"] = ["labels"],
    };

    private static Dictionary<string, string> BuildMergeKeys()
    {
        var keys = new Dictionary<string, string>
        {
            ["metadata.ownerReferences"] = "uid",
            ["spec.volumes"] = "name",
            ["spec.imagePullSecrets"] = "name",
            ["spec.schedulingGates"] = "name",
            ["spec.resourceClaims"] = "name",
            ["spec.hostAliases"] = "ip",
            ["spec.topologySpreadConstraints"] = "topologyKey",
        };
        foreach (var list in ContainerLists)
        {
            keys[list] = "name";
            keys[list + ".env"] = "name";
            keys[list + ".ports"] = "containerPort";
            keys[list + ".volumeMounts"] = "mountPath";
            keys[list + ".volumeDevices"] = "devicePath";
        }
        return keys;
    }

    /// <summary>The merge key of the list at <paramref name="path"/>, or null when the list is not merged by key.</summary>
    public static string? MergeKey(string path) => MergeKeys.GetValueOrDefault(path);

    /// <summary>True when the list at <paramref name="path"/> holds scalars merged as a union.</summary>
    public static bool IsScalarUnion(string path) => ScalarUnions.Contains(path);

    /// <summary>Keys after which a new entry at <paramref name="path"/> is placed (first that exists wins).</summary>
    public static string[] PlaceAfter(string path) => Placement.GetValueOrDefault(path) ?? [];
}
