namespace KubeInject.Selection;

/// <summary>
/// Where a kind keeps its pod template: the path to the pod metadata and to the pod spec.
/// </summary>
/// <param name="Kind">The <c>kind</c> value (matched exactly).</param>
/// <param name="MetadataPath">Path from the document root to the pod (template) metadata.</param>
/// <param name="SpecPath">Path from the document root to the pod spec.</param>
internal sealed record WorkloadKind(string Kind, string[] MetadataPath, string[] SpecPath)
{
    /// <summary>The API group this row is for (<c>apps</c>, <c>argoproj.io</c>; empty for the core group).</summary>
    public string Group { get; init; } = "";

    /// <summary>
    /// A built-in kind matches its kind in any group, as <c>istioctl kube-inject</c> does (it never reads the
    /// apiVersion): <c>extensions/v1beta1</c> Deployments and <c>v1</c> DeploymentConfigs are still workloads.
    /// </summary>
    public bool AnyGroup { get; init; }

    /// <summary>The path of the mapping that holds metadata and spec, i.e. the pod template ([] for a Pod).</summary>
    public string[] TemplatePath => SpecPath[..^1];
}
