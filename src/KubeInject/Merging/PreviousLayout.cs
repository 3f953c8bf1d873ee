using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Re-injection (<see cref="ReinjectionMode.Replace"/>) takes the previous injection out and injects again, so keys
/// that both the user and the templates write (an annotation such as <c>kubectl.kubernetes.io/default-container</c>,
/// a volume the user declared with the template's name, a container key the record could not hold) come back where
/// the templates put them, not where they were. Mapping keys have no meaning in their order, so when re-injection
/// gives the same pod as the one it replaced (a second run with the same settings), the pod keeps the key order it had
/// and a second run is a fixed point. A pod that changed (other settings, another version) keeps the order a direct
/// injection gives. Sequence items keep the new order (container, init container and env order means something);
/// their mappings are matched by merge key. A scalar the user wrote plain where the pod now holds Go's string for it
/// (<c>- y</c> or <c>- 8080</c> in an override container's <c>args</c>, which the overrides record keeps as
/// <c>"true"</c> and <c>"8080"</c>, as Kubernetes' decoder reads them into a string field) counts as the same and
/// keeps the user's text.
/// </summary>
internal static class PreviousLayout
{
    // The strategic-merge keys of the pod's lists (spec §5.1), and downward-API items' path.
    private static readonly string[] MergeKeys = ["name", "mountPath", "containerPort", "devicePath", "ip", "topologyKey", "path"];

    /// <summary>
    /// When <paramref name="result"/> equals <paramref name="previous"/> but for key order, orders its keys (in place)
    /// as there, recursively.
    /// </summary>
    public static void Apply(YNode result, YNode previous)
    {
        if (SameToKubernetes(result, previous)) Restore(result, previous, wrapper: true);
    }

    // Keys go back to their previous order; a subtree whose previous text was read from the input goes back to that
    // text (the pod is equal, so its bytes may be the ones the user had: CRLF lines kept from a mixed-line-break
    // document, `- y` for Go's "true"). The wrapper (the pod mapping over its metadata and spec) is not the
    // workload's own node, so only what is below it is replaced.
    private static void Restore(YNode result, YNode previous, bool wrapper = false)
    {
        switch (result)
        {
            case YMapping m when previous is YMapping p:
                Order(m, p);
                foreach (var e in m.Entries.ToList())
                {
                    if (p.Find(e.Name) is not { } was) continue;
                    // The key goes back too: a key injection wrote anew has no text of its own line to copy.
                    if (!wrapper && TakesPreviousText(e.Value, was.Value)) m.ReplaceEntry(m.IndexOf(e.Name), (YScalar)was.Key.DeepClone(), was.Value.DeepClone());
                    else Restore(e.Value, was.Value);
                }
                break;
            case YSequence s when previous is YSequence p:
                for (int i = 0; i < s.Count; i++)
                {
                    if (Counterpart(s[i], i, s.Count, p) is not { } before) continue;
                    if (TakesPreviousText(s[i], before)) s.Replace(i, before.DeepClone());
                    else Restore(s[i], before);
                }
                break;
        }
    }

    // The previous node is the input's text, untouched, and the result is not that same text.
    private static bool TakesPreviousText(YNode result, YNode previous) =>
        previous.IsPristine && !(result.IsPristine && result.Source is { } r && previous.Source is { } p
            && ReferenceEquals(r.Text, p.Text) && r.Start == p.Start && r.End == p.End);

    // Equal but for key order and IsUsersPlainText scalars (lists compare item by item, in order).
    private static bool SameToKubernetes(YNode result, YNode previous)
    {
        switch (result)
        {
            case YMapping m when previous is YMapping p:
                if (m.Count != p.Count) return false;
                foreach (var e in m.Entries)
                    if (p[e.Name] is not { } before || !SameToKubernetes(e.Value, before)) return false;
                return true;
            case YSequence s when previous is YSequence p:
                if (s.Count != p.Count) return false;
                for (int i = 0; i < s.Count; i++)
                    if (!SameToKubernetes(s[i], p[i])) return false;
                return true;
            default:
                return result.SemanticEquals(previous) || IsUsersPlainText(result, previous);
        }
    }

    // A string the pod now holds where the user wrote a plain boolean or number that Kubernetes stores as that string.
    private static bool IsUsersPlainText(YNode result, YNode previous) =>
        result is YScalar { Kind: ScalarKind.String } r && previous is YScalar { Kind: ScalarKind.Bool or ScalarKind.Int or ScalarKind.Float } p
        && p.AsGoString() == r.Value;

    // The slots the shared keys occupy in the result are filled with the shared keys in the previous order; the
    // result's new keys stay where they are.
    private static void Order(YMapping result, YMapping previous)
    {
        var shared = previous.Entries.Select(e => e.Name).Where(result.ContainsKey).ToList();
        if (shared.Count < 2) return;
        var order = result.Entries.ToList();
        int next = 0;
        for (int i = 0; i < order.Count; i++)
            if (previous.ContainsKey(order[i].Name)) order[i] = result.Find(shared[next++])!;
        result.Reorder(order);
    }

    // The previous item with the same merge key; without one, the item at the same index of a list of the same length.
    private static YNode? Counterpart(YNode item, int index, int count, YSequence previous)
    {
        if (item is not YMapping m) return previous.Count == count ? previous[index] : null;
        foreach (var key in MergeKeys)
            if (m[key] is YScalar k)
                return previous.Items.FirstOrDefault(p => (p as YMapping)?[key] is YScalar pk && pk.SemanticEquals(k));
        return previous.Count == count ? previous[index] : null;
    }
}
