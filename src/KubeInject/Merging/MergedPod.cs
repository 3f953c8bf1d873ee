using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>What post-processing needs from the merge besides the merged pod.</summary>
/// <param name="Original">A copy of the pod before the templates were merged (Istio's <c>originalPod</c>).</param>
/// <param name="Names">The names the templates inject (what the status annotation records).</param>
internal sealed record MergedPod(YMapping Original, InjectedNames Names);
