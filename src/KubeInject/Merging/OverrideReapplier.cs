using KubeInject.Diagnostics;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Istio's <c>reapplyOverwrittenContainers</c> (spec §5.2): a container that the templates inject and the user
/// also declared is the user's customisation, so it is merged again on top and wins over the template.
/// </summary>
internal static class OverrideReapplier
{
    private const string AutoImage = "auto";

    /// <summary>
    /// Re-applies overrides onto <paramref name="result"/>, records them in <c>proxy.istio.io/overrides</c> on a
    /// first injection, then adjusts the init container's user.
    /// </summary>
    /// <param name="result">The merged pod (edited in place).</param>
    /// <param name="original">A copy of the pod as it was before any template was merged.</param>
    /// <param name="templatePod">All templates merged onto an empty pod (their name skeletons: only names are read).</param>
    /// <param name="context">Settings.</param>
    public static void Reapply(YMapping result, YMapping original, YMapping templatePod, InjectionContext context)
    {
        var existing = ProxyOverrides.Read(original);
        var statusText = PodTree.Annotation(original, InjectionStatus.AnnotationKey);
        bool alreadyInjected = statusText is not null;
        var previous = (alreadyInjected ? InjectionStatus.Parse(statusText!) : null) ?? new InjectionStatus([], []);

        var containers = new List<YMapping>();
        foreach (var name in PodTree.Names(PodTree.List(templatePod, "containers")))
        {
            // A container injected last time is Istio's, not the user's: take the new template's version.
            if (previous.Containers.Contains(name)) continue;
            var match = Find(existing.Containers, name) ?? PodTree.Find(PodTree.List(original, "containers"), name);
            if (match is null) continue;
            var overlay = Overlay(match);
            containers.Add(overlay);
            Apply(result, "containers", overlay, "failed to apply sidecar container: ");
        }

        var inits = new List<YMapping>();
        foreach (var name in PodTree.Names(PodTree.List(templatePod, "initContainers")))
        {
            if (previous.InitContainers.Contains(name)) continue;
            // A user istio-proxy under containers customises the native-sidecar init container too.
            var match = Find(existing.InitContainers, name) ?? PodTree.FindContainer(original, name);
            if (match is null) continue;
            var overlay = Overlay(match);
            inits.Add(overlay);
            Apply(result, "initContainers", overlay, "failed to apply sidecar init container: ");
        }

        if (!alreadyInjected && (containers.Count > 0 || inits.Count > 0))
        {
            // What the record cannot hold would be lost on the next re-injection (and the API server refuses it).
            foreach (var user in containers.Concat(inits))
                if (ContainerJson.FirstInvalidField(PodTree.FindContainer(original, PodTree.NameOf(user)!) ?? user) is { } problem)
                    throw new KubeInjectException(
                        $"container {PodTree.NameOf(user)}: {problem}; the API server refuses it, and {ProxyOverrides.AnnotationKey} could not record this customisation");
        }
        if (!alreadyInjected && (containers.Count > 0 || inits.Count > 0))
            PodTree.SetString(PodTree.EnsureAnnotations(result), ProxyOverrides.AnnotationKey, new ProxyOverrides(containers, inits).ToJson());

        InitContainerUser.Adjust(result, original, context);
    }

    private static YMapping? Find(IReadOnlyList<YMapping> list, string name) => list.FirstOrDefault(c => PodTree.NameOf(c) == name);

    /// <summary>
    /// The container as Istio re-applies it: a copy after a typed round trip, so empty and zero-valued fields
    /// (which Go omits) do not wipe template values, and the placeholder image <c>auto</c> is dropped.
    /// </summary>
    private static YMapping Overlay(YMapping container)
    {
        var copy = (YMapping)StrategicMerge.CleanClone(container);
        foreach (var e in copy.Entries.ToList())
        {
            bool omitted = e.Value switch
            {
                YSequence s => s.Count == 0,
                YScalar { Kind: ScalarKind.String } s => s.Value.Length == 0 && e.Name != "name",
                YScalar { Kind: ScalarKind.Bool } s => e.Name is "stdin" or "stdinOnce" or "tty" && s.ToValue() is false,
                _ => false,
            };
            if (omitted) copy.Remove(e.Name);
        }
        if ((copy["image"] as YScalar)?.AsGoString() == AutoImage) copy.Remove("image");
        return copy;
    }

    private static void Apply(YMapping result, string field, YMapping overlay, string prefix)
    {
        var patch = new YMapping();
        var spec = new YMapping();
        spec.Set(field, new YSequence([overlay]));
        patch.Set("spec", spec);
        try
        {
            StrategicMerge.Apply(result, patch);
        }
        catch (KubeInjectException e)
        {
            throw new KubeInjectException("failed to re apply container: " + prefix + e.Message, e.Location, e.Kind, e);
        }
    }
}
