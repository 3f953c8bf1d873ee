namespace KubeInject.Selection;

/// <summary>
/// Where a kind keeps its pod template: the path to the pod metadata and to the pod spec.
/// </summary>
/// <param name="Kind">The <c>kind</c> value (matched exactly; apiVersion is not consulted, as in kube-inject).</param>
/// <param name="MetadataPath">Path from the document root to the pod (template) metadata.</param>
/// <param name="SpecPath">Path from the document root to the pod spec.</param>
internal sealed record WorkloadKind(string Kind, string[] MetadataPath, string[] SpecPath)
{
    /// <summary>The path of the mapping that holds metadata and spec, i.e. the pod template ([] for a Pod).</summary>
    public string[] TemplatePath => SpecPath[..^1];
}
