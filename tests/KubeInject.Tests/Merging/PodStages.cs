using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;

namespace KubeInject.Tests.Merging;

/// <summary>The merge and post-processing stages run back to back, as the injector wires them.</summary>
internal static class PodStages
{
    public static InjectedNames MergeAndPostProcess(YMapping pod, IReadOnlyList<YMapping> templates, InjectionContext context, PostProcessOptions options)
    {
        var merged = PodInjector.Merge(pod, templates, context, options);
        PodPostProcessor.Apply(pod, merged.Original, merged.Names, context, options);
        return merged.Names;
    }
}
