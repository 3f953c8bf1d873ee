using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Removes what the status annotation lists: containers, init containers, volumes and image pull secrets. A listed
/// container the user had customised (recorded in <c>proxy.istio.io/overrides</c> on first injection) is turned back,
/// in place, into the user's recorded version instead of being dropped; the overrides annotation then goes too.
/// </summary>
internal static class InjectedContainers
{
    // Istio drops the placeholder image `auto` when it records an override (spec §5.2); its documentation writes it.
    private const string AutoImage = "auto";

    /// <summary>Removes the listed items from <paramref name="pod"/> (edited in place).</summary>
    public static void Remove(YMapping pod, InjectionStatus status)
    {
        var overrides = ProxyOverrides.Read(pod);
        RemoveOrRestore(PodTree.List(pod, "containers"), status.Containers, overrides.Containers);
        RemoveOrRestore(PodTree.List(pod, "initContainers"), status.InitContainers, overrides.InitContainers);
        RemoveNamed(PodTree.List(pod, "volumes"), status.Volumes);
        RemoveNamed(PodTree.List(pod, "imagePullSecrets"), status.ImagePullSecrets);
        PodTree.Annotations(pod)?.Remove(ProxyOverrides.AnnotationKey);
    }

    private static void RemoveOrRestore(YSequence? list, IReadOnlyList<string> names, IReadOnlyList<YMapping> userVersions)
    {
        if (list is null) return;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (PodTree.NameOf(list[i]) is not { } name || !names.Contains(name)) continue;
            if (userVersions.FirstOrDefault(c => PodTree.NameOf(c) == name) is { } user && list[i] is YMapping injected) Restore(injected, user);
            else list.RemoveAt(i);
        }
    }

    /// <summary>
    /// Edits the injected container into the user's: the merge kept the user's keys where they were, so keys are
    /// removed or replaced in place, nested mappings likewise (values the user's version shares keep their nodes and
    /// text). An empty mapping in the recorded version is a field the user set (a pointer Go keeps), except
    /// <c>resources</c>, which Go always writes.
    /// </summary>
    private static void Restore(YMapping injected, YMapping user)
    {
        int imageAt = injected.IndexOf("image");
        // Go writes `resources` (a struct) always: an empty one in the record says nothing about the user's, so it
        // goes unless the container holds an empty one too (the user's, or the template's, which comes back).
        if (user["resources"] is YMapping { Count: 0 } && injected["resources"] is not YMapping { Count: 0 })
        {
            user = (YMapping)user.DeepClone();
            user.Remove("resources");
        }
        Reshape(injected, user);
        if (!injected.ContainsKey("image")) injected.Insert(Math.Min(imageAt >= 0 ? imageAt : 1, injected.Count), "image", new YScalar(AutoImage));
    }

    private static void Reshape(YMapping target, YMapping wanted)
    {
        foreach (var key in target.Entries.Select(e => e.Name).ToList())
        {
            var want = wanted[key];
            // A key with no value is the user's ("command:" under a customised istio-proxy): injection writes none, and
            // the record (Go's JSON) cannot hold it, so it stays where it is.
            if (want is null && PodTree.IsNull(target[key])) continue;
            // Any other empty mapping in the record is a pointer field the user set ("readinessProbe: {}", or one
            // whose keys have no value, which Go drops): the user's keys without a value stay, the rest goes.
            if (want is YMapping { Count: 0 } && target[key] is YMapping emptied) Reshape(emptied, (YMapping)want);
            else if (want is null || IsEmpty(want)) target.Remove(key);
            else if (target[key] is YMapping t && want is YMapping w) Reshape(t, w);
            else if (target[key] is YSequence ts && want is YSequence ws) Reshape(ts, ws);
            else if (!target[key]!.SemanticEquals(want)) target.Set(key, want.DeepClone());
        }
        // Go writes some fields even at their zero value (a probe's httpGet `port`): a zero the container does not hold
        // was never the user's (a key the user wrote, the merge keeps).
        foreach (var e in wanted.Entries)
            if (!target.ContainsKey(e.Name) && (!IsEmpty(e.Value) || e.Value is YMapping) && !IsGoZero(e.Value)) target.Set(e.Name, e.Value.DeepClone());
    }

    // Items the user's version shares keep their nodes; a mapping item with the same name/mountPath/containerPort is
    // reshaped in place; the rest are the recorded ones.
    private static void Reshape(YSequence target, YSequence wanted)
    {
        if (target.SemanticEquals(wanted)) return;
        var unused = target.Items.ToList();
        var items = new List<YNode>();
        foreach (var want in wanted.Items)
        {
            var match = unused.FirstOrDefault(i => i.SemanticEquals(want)) ?? unused.FirstOrDefault(i => SameKey(i, want));
            if (match is null)
            {
                items.Add(want.DeepClone());
                continue;
            }
            unused.Remove(match);
            if (match is YMapping m && want is YMapping w && !m.SemanticEquals(w)) Reshape(m, w);
            items.Add(match);
        }
        target.ReplaceAll(items);
    }

    private static bool SameKey(YNode a, YNode b)
    {
        foreach (var key in new[] { "name", "mountPath", "containerPort", "devicePath" })
            if ((a as YMapping)?[key] is { } x && (b as YMapping)?[key] is { } y) return x.SemanticEquals(y);
        return false;
    }

    private static bool IsGoZero(YNode node) => node is YScalar s && s.Kind switch
    {
        ScalarKind.Int => s.AsGoString() == "0",
        ScalarKind.Bool => s.AsGoString() == "false",
        ScalarKind.String => s.Value.Length == 0,
        _ => false,
    };

    private static bool IsEmpty(YNode node) => node is YMapping { Count: 0 } or YSequence { Count: 0 } || PodTree.IsNull(node);

    private static void RemoveNamed(YSequence? list, IReadOnlyList<string> names)
    {
        if (list is null) return;
        for (int i = list.Count - 1; i >= 0; i--)
            if (PodTree.NameOf(list[i]) is { } n && names.Contains(n)) list.RemoveAt(i);
    }
}
