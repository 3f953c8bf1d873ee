using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Re-injection (<see cref="ReinjectionMode.Replace"/>) takes the previous injection out and injects again, so keys
/// that both the user and the templates write (an annotation such as <c>kubectl.kubernetes.io/default-container</c>,
/// a volume the user declared with the template's name, a container key the record could not hold) come back where
/// the templates put them, and subtrees rebuilt from a record (a customised sidecar restored from
/// <c>proxy.istio.io/overrides</c>) lose their comments and line breaks. When re-injection gives back the pod it
/// replaced, as Kubernetes reads it (a second run with the same settings), the pod keeps the text it had: keys in
/// their previous order, and every equal subtree whose previous text came from the input takes that text back, so a
/// second run is a fixed point. Equal means equal but for key order, and for a scalar the user wrote plain where the
/// pod now holds Go's string for it (<c>- y</c>, <c>- 8080</c> or a bare <c>-</c> in an override container's
/// <c>args</c>, which the record keeps as <c>"true"</c>, <c>"8080"</c> and <c>""</c>, as Kubernetes' decoder reads
/// them into a string field); lists
/// are equal item by item, in order. A pod that changed (other settings, another version) keeps what a direct
/// injection gives.
/// </summary>
internal static class PreviousLayout
{
    /// <summary>
    /// When <paramref name="result"/> equals <paramref name="previous"/> as Kubernetes reads them, gives it the
    /// previous key order and text (in place), recursively.
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
                // Equal lists are equal item by item, in order (SameToKubernetes): an item's counterpart is the one
                // at its index (a merge key can repeat: two ports named "http", fuzz run 10).
                for (int i = 0; i < s.Count && i < p.Count; i++)
                {
                    if (TakesPreviousText(s[i], p[i])) s.Replace(i, p[i].DeepClone());
                    else Restore(s[i], p[i]);
                }
                break;
        }
    }

    // The previous node is the input's text, untouched, and the result is not that same text. (Restore only visits
    // pairs that are equal: the whole pod is, and equal mappings are equal key by key, equal lists index by index.)
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
    // A null is the empty string there (a `-` with nothing after it in `command:`, recorded as "", fuzz run 11).
    private static bool IsUsersPlainText(YNode result, YNode previous) =>
        result is YScalar { Kind: ScalarKind.String } r && previous is YScalar { Kind: ScalarKind.Bool or ScalarKind.Int or ScalarKind.Float or ScalarKind.Null } p
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
}
