using KubeInject.Diagnostics;
using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Kubernetes strategic merge patch for a pod-shaped mapping <c>{metadata, spec}</c>, applied in place so that
/// untouched nodes keep their source text: maps are merged into the existing nodes, equal values are left alone,
/// and only what changes is set. Keyed lists follow Kubernetes' result order (spec §5.1).
/// </summary>
internal static class StrategicMerge
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
    private const string SetElementOrderPrefix = "$setElementOrder/";

    /// <summary>
    /// Merges <paramref name="patch"/> into <paramref name="target"/>. The patch is not modified; nodes taken
    /// from it are copied. Throws <see cref="KubeInjectException"/> ("strategic merge: ...") when a keyed list
    /// item lacks its merge key.
    /// </summary>
    public static void Apply(YMapping target, YMapping patch) => MergeMapping(target, patch, "", take: false);

    /// <summary>
    /// As <see cref="Apply"/>, but nodes the target takes from <paramref name="patch"/> are moved, not copied, so
    /// the patch must not be used afterwards (a rendered template merged into the pod it was rendered for).
    /// </summary>
    public static void ApplyConsumingPatch(YMapping target, YMapping patch) => MergeMapping(target, patch, "", take: true);

    private static void MergeMapping(YMapping target, YMapping patch, string path, bool take)
    {
        string? directive = (patch[PatchDirective] as YScalar)?.AsGoString();
        if (directive == "replace")
        {
            ReplaceContent(target, patch, take);
            return;
        }
        if (directive == "delete")
        {
            foreach (var key in target.Entries.Select(e => e.Name).ToList()) target.Remove(key);
            return;
        }
        if (patch[RetainKeysDirective] is YSequence retain)
        {
            var keep = retain.Items.OfType<YScalar>().Select(s => s.AsGoString()).ToHashSet();
            foreach (var key in target.Entries.Select(e => e.Name).Where(k => !keep.Contains(k)).ToList()) target.Remove(key);
        }

        foreach (var entry in patch.Entries)
        {
            string key = entry.Name;
            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(target, key[DeleteFromPrimitiveListPrefix.Length..], entry.Value);
                continue;
            }
            // $setElementOrder only reorders what the server already has; Istio's templates never use it.
            if (key.StartsWith('$') || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)) continue;

            string childPath = path.Length == 0 ? key : path + "." + key;
            var patchValue = entry.Value;
            if (PodTree.IsNull(patchValue))
            {
                // Null deletes; a null for an absent key is ignored (IgnoreUnmatchedNulls).
                target.Remove(key);
                continue;
            }

            var current = target[key];
            if (!target.ContainsKey(key) || PodTree.IsNull(current))
            {
                target.SetAfter(key, FromPatch(patchValue, take), MergeStrategy.PlaceAfter(childPath));
                continue;
            }

            switch (current, patchValue)
            {
                case (YMapping cm, YMapping pm):
                    MergeMapping(cm, pm, childPath, take);
                    break;
                case (YSequence cs, YSequence ps):
                    MergeSequence(target, key, cs, ps, childPath, take);
                    break;
                default:
                    if (!current!.SemanticEquals(patchValue)) target.Set(key, FromPatch(patchValue, take));
                    break;
            }
        }
    }

    private static void MergeSequence(YMapping owner, string key, YSequence current, YSequence patch, string path, bool take)
    {
        string? mergeKey = MergeStrategy.MergeKey(path);
        if (mergeKey is not null)
        {
            MergeKeyed(current, patch, mergeKey, path, take);
            return;
        }
        if (MergeStrategy.IsScalarUnion(path))
        {
            MergeScalars(current, patch, take);
            return;
        }
        // Atomic lists (args, command, tolerations, ...): the patch list replaces the original.
        var replacement = (YSequence)FromPatch(patch, take);
        if (!current.SemanticEquals(replacement)) owner.Set(key, replacement);
    }

    private static void MergeKeyed(YSequence current, YSequence patch, string mergeKey, string path, bool take)
    {
        var original = current.Items.ToList();
        foreach (var item in original) RequireKey(item, mergeKey);

        // A "$patch: replace" element makes the patch's other items the whole list.
        if (patch.Items.Any(i => i is YMapping m && (m[PatchDirective] as YScalar)?.AsGoString() == "replace"))
        {
            var items = patch.Items.Where(i => !(i is YMapping m && m.ContainsKey(PatchDirective))).Select(i => FromPatch(i, take)).ToList();
            var replacement = new YSequence(items);
            if (!current.SemanticEquals(replacement)) current.ReplaceAll(items);
            return;
        }

        var work = new List<YNode>(original);
        var fromPatch = new List<YNode>();
        foreach (var item in patch.Items)
        {
            RequireKey(item, mergeKey);
            var pm = (YMapping)item;
            var keyValue = pm[mergeKey]!;
            int at = work.FindIndex(w => KeyEquals(((YMapping)w)[mergeKey], keyValue));
            if ((pm[PatchDirective] as YScalar)?.AsGoString() == "delete")
            {
                if (at >= 0) work.RemoveAt(at);
                continue;
            }
            YNode merged;
            if (at >= 0)
            {
                merged = work[at];
                MergeMapping((YMapping)merged, pm, path, take);
            }
            else
            {
                merged = FromPatch(pm, take);
                work.Add(merged);
            }
            if (!fromPatch.Contains(merged)) fromPatch.Add(merged);
        }

        var serverOnly = work.Where(w => !fromPatch.Contains(w)).ToList();
        int IndexInOriginal(YNode n) => original.FindIndex(o => KeyEquals(((YMapping)o)[mergeKey], ((YMapping)n)[mergeKey]));
        current.ReplaceAll(Interleave(serverOnly, fromPatch, IndexInOriginal));
    }

    private static void MergeScalars(YSequence current, YSequence patch, bool take)
    {
        var original = current.Items.ToList();
        var work = new List<YNode>(original);
        var fromPatch = new List<YNode>();
        foreach (var item in patch.Items)
        {
            if (PodTree.IsNull(item)) continue;
            var existing = work.FirstOrDefault(w => KeyEquals(w, item));
            if (existing is null)
            {
                existing = FromPatch(item, take);
                work.Add(existing);
            }
            if (!fromPatch.Contains(existing)) fromPatch.Add(existing);
        }
        var serverOnly = work.Where(w => !fromPatch.Contains(w)).ToList();
        current.ReplaceAll(Interleave(serverOnly, fromPatch, n => original.FindIndex(o => KeyEquals(o, n))));
    }

    /// <summary>
    /// Kubernetes' <c>mergeSortedSlice</c>: walk original-only items (S, original order) and patch items (P, patch
    /// order); an S item goes first only when both are in the original list and S comes first there.
    /// </summary>
    private static List<YNode> Interleave(List<YNode> serverOnly, List<YNode> fromPatch, Func<YNode, int> indexInOriginal)
    {
        var result = new List<YNode>(serverOnly.Count + fromPatch.Count);
        int i = 0, j = 0;
        while (i < serverOnly.Count || j < fromPatch.Count)
        {
            if (i >= serverOnly.Count) result.Add(fromPatch[j++]);
            else if (j >= fromPatch.Count) result.Add(serverOnly[i++]);
            else
            {
                int li = indexInOriginal(serverOnly[i]), ri = indexInOriginal(fromPatch[j]);
                if (li >= 0 && ri >= 0 && li < ri) result.Add(serverOnly[i++]);
                else result.Add(fromPatch[j++]);
            }
        }
        return result;
    }

    private static void DeleteFromPrimitiveList(YMapping target, string field, YNode values)
    {
        if (target[field] is not YSequence list || values is not YSequence remove) return;
        var kept = list.Items.Where(i => !remove.Items.Any(r => KeyEquals(i, r))).ToList();
        if (kept.Count != list.Count) list.ReplaceAll(kept);
    }

    private static void ReplaceContent(YMapping target, YMapping patch, bool take)
    {
        foreach (var key in target.Entries.Select(e => e.Name).Where(k => !patch.ContainsKey(k) || PodTree.IsNull(patch[k])).ToList())
            target.Remove(key);
        foreach (var e in patch.Entries)
        {
            if (e.Name.StartsWith('$') || PodTree.IsNull(e.Value)) continue;
            var clean = FromPatch(e.Value, take);
            if (!clean.SemanticEquals(target[e.Name])) target.Set(e.Name, clean);
        }
    }

    private static void RequireKey(YNode item, string mergeKey)
    {
        if (item is YMapping m && m.ContainsKey(mergeKey) && !PodTree.IsNull(m[mergeKey])) return;
        if (item is YMapping dm && dm.ContainsKey(PatchDirective)) return;
        throw new KubeInjectException($"strategic merge: map: {Fmt.Sprint(GoValue.Of(item))} does not contain declared merge key: {mergeKey}");
    }

    /// <summary>Merge keys compare as Go compares decoded JSON values: numbers by value, strings by text.</summary>
    private static bool KeyEquals(YNode? a, YNode? b)
    {
        if (a is not YScalar x || b is not YScalar y) return false;
        bool xNum = x.Kind is ScalarKind.Int or ScalarKind.Float, yNum = y.Kind is ScalarKind.Int or ScalarKind.Float;
        if (xNum && yNum) return Convert.ToDouble(x.ToValue(), System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(y.ToValue(), System.Globalization.CultureInfo.InvariantCulture);
        return x.SemanticEquals(y);
    }

    /// <summary>
    /// A copy of a patch value for insertion: nulls inside it are dropped (IgnoreUnmatchedNulls) and directive keys
    /// removed (Go's typed decode would drop them too).
    /// </summary>
    internal static YNode CleanClone(YNode node) => FromPatch(node, take: false);

    // A patch value cleaned for insertion: copied, or with take its clean subtrees moved as they are.
    private static YNode FromPatch(YNode node, bool take)
    {
        // A clean subtree is deep-cloned as is, so copies of parsed nodes keep their source text.
        if (!NeedsCleaning(node)) return take ? node : node.DeepClone();
        switch (node)
        {
            case YMapping m:
                var copy = new YMapping { IsFlow = m.IsFlow };
                foreach (var e in m.Entries)
                {
                    if (PodTree.IsNull(e.Value) || e.Name.StartsWith('$')) continue;
                    copy.Set(e.Name, FromPatch(e.Value, take));
                }
                return copy;
            case YSequence s:
                return new YSequence(s.Items.Select(i => FromPatch(i, take))) { IsFlow = s.IsFlow };
            default:
                return take ? node : node.DeepClone();
        }
    }

    private static bool NeedsCleaning(YNode node) => node switch
    {
        YMapping m => m.Entries.Any(e => PodTree.IsNull(e.Value) || e.Name.StartsWith('$') || NeedsCleaning(e.Value)),
        YSequence s => s.Items.Any(NeedsCleaning),
        _ => false,
    };
}
