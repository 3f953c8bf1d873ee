using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>Istio's <c>postProcessPod</c> (spec §5.6, §6): the steps that run on the pod after the templates are merged.</summary>
internal static class PodPostProcessor
{
    /// <summary>Post-processes <paramref name="pod"/> in place.</summary>
    /// <param name="pod">The merged pod.</param>
    /// <param name="original">The pod before the merge (its own proxy environment is read from it).</param>
    /// <param name="names">The names the templates inject, recorded in the status annotation.</param>
    /// <param name="context">Settings the steps read.</param>
    /// <param name="options">Behaviour that differs between Istio versions.</param>
    public static void Apply(YMapping pod, YMapping original, InjectedNames names, InjectionContext context, PostProcessOptions options)
    {
        var proxyEnvs = ClusterEnv.ProxyEnvs(original, context);
        ClusterEnv.Apply(pod, proxyEnvs);
        PrometheusMerge.Apply(pod, context);
        ProbeRewriter.Apply(pod, context, options);
        StatusAnnotation.Apply(pod, names, proxyEnvs, context.Revision, context.InjectedAnnotations);
        ContainerOrder.Apply(pod, context.HoldApplicationUntilProxyStarts);
    }
}
