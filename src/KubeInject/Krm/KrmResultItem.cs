namespace KubeInject.Krm;

/// <summary>The object a KRM result is about (<c>results[].resourceRef</c>).</summary>
/// <param name="ApiVersion">The object's <c>apiVersion</c>.</param>
/// <param name="Kind">The object's <c>kind</c>.</param>
/// <param name="Name">The object's <c>metadata.name</c>.</param>
/// <param name="Namespace">The object's <c>metadata.namespace</c> (may be empty).</param>
public sealed record KrmResourceRef(string ApiVersion, string Kind, string Name, string Namespace);

/// <summary>One entry of a ResourceList's <c>results</c>, as kpt and kustomize read it.</summary>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Message">What happened.</param>
/// <param name="ResourceRef">The item it is about, if any.</param>
/// <param name="FilePath">The item's file (<c>internal.config.kubernetes.io/path</c>), if known.</param>
/// <param name="FileIndex">The item's document index in that file, if known.</param>
public sealed record KrmResultItem(string Severity, string Message, KrmResourceRef? ResourceRef = null, string? FilePath = null, int? FileIndex = null);

/// <summary>What a KRM function run produced.</summary>
/// <param name="Output">The ResourceList to write to stdout: the input text with injected items and <c>results</c>.</param>
/// <param name="Results">The results also written into <see cref="Output"/>.</param>
/// <param name="Workloads">One report per workload found in the items.</param>
public sealed record KrmResult(string Output, IReadOnlyList<KrmResultItem> Results, IReadOnlyList<WorkloadReport> Workloads)
{
    /// <summary>True when any result is an error: the function must exit non-zero.</summary>
    public bool HasErrors => Results.Any(r => r.Severity == "error");
}
