using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Collections injection may have created (<c>labels</c>, <c>annotations</c>, <c>initContainers</c>, <c>volumes</c>,
/// <c>imagePullSecrets</c>, <c>metadata</c>…): a collection that held something before uninjection and is empty after
/// it is removed, so <c>initContainers: []</c> or <c>annotations: {}</c> is not left behind. One the user wrote empty
/// stays as written.
/// </summary>
internal sealed class EmptiedCollections
{
    private readonly List<(YMapping Parent, string Key, YNode Node)> _watched = [];

    /// <summary>Notes which of <paramref name="keys"/> under <paramref name="parent"/> are non-empty collections now.</summary>
    public EmptiedCollections Watch(YMapping? parent, params string[] keys)
    {
        if (parent is null) return this;
        foreach (var key in keys)
            if (parent[key] is { } node && Count(node) > 0) _watched.Add((parent, key, node));
        return this;
    }

    /// <summary>Removes every watched collection that is empty now (innermost first, in the order watched).</summary>
    public void Prune()
    {
        for (int i = _watched.Count - 1; i >= 0; i--)
        {
            var (parent, key, node) = _watched[i];
            if (ReferenceEquals(parent[key], node) && Count(node) == 0) parent.Remove(key);
        }
    }

    private static int Count(YNode node) => node switch
    {
        YMapping m => m.Count,
        YSequence s => s.Count,
        _ => -1,
    };
}
