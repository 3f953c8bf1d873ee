namespace KubeInject.Pod;

/// <summary>
/// What the templates inject: the names in the "template pod" (all rendered templates merged onto an empty pod),
/// the same lists the status annotation records.
/// </summary>
/// <param name="InitContainers">Init container names, in template-pod order.</param>
/// <param name="Containers">Container names.</param>
/// <param name="Volumes">Volume names.</param>
/// <param name="ImagePullSecrets">Image pull secret names.</param>
internal sealed record InjectedNames(
    IReadOnlyList<string> InitContainers,
    IReadOnlyList<string> Containers,
    IReadOnlyList<string> Volumes,
    IReadOnlyList<string> ImagePullSecrets)
{
    /// <summary>The names found in a template pod.</summary>
    public static InjectedNames Of(Yaml.YMapping templatePod) => new(
        PodTree.Names(PodTree.List(templatePod, "initContainers")),
        PodTree.Names(PodTree.List(templatePod, "containers")),
        PodTree.Names(PodTree.List(templatePod, "volumes")),
        PodTree.Names(PodTree.List(templatePod, "imagePullSecrets")));
}
