namespace KubeInject.Yaml;

/// <summary>One key/value pair of a mapping. Keys are strings in Kubernetes manifests.</summary>
internal sealed class YEntry
{
    internal YEntry(YScalar key, YNode value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key node (keeps its source text and style).</summary>
    public YScalar Key { get; }

    /// <summary>The value node.</summary>
    public YNode Value { get; internal set; }

    /// <summary>The key's text.</summary>
    public string Name => Key.Value;
}

/// <summary>An ordered mapping. Every change marks it modified, so the writer re-emits it.</summary>
internal sealed class YMapping : YNode
{
    private readonly List<YEntry> _entries = [];
    private bool _modified;

    /// <summary>Creates an empty block mapping.</summary>
    public YMapping() { }

    /// <summary>True when the mapping was written in flow style (<c>{a: b}</c>).</summary>
    public bool IsFlow { get; init; }

    /// <summary>The entries in order.</summary>
    public IReadOnlyList<YEntry> Entries => _entries;

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    internal bool IsModified => _modified;

    internal override bool IsPristine
    {
        get
        {
            if (Source is null || _modified) return false;
            foreach (var e in _entries)
                if (!e.Key.IsPristine || !e.Value.IsPristine) return false;
            return true;
        }
    }

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public YNode? this[string key] => Find(key)?.Value;

    /// <summary>Index of the entry with this key, or -1.</summary>
    public int IndexOf(string key)
    {
        for (int i = 0; i < _entries.Count; i++)
            if (_entries[i].Key.Value == key) return i;
        return -1;
    }

    /// <summary>True when the key is present (its value may be null).</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The entry with this key, or null.</summary>
    public YEntry? Find(string key)
    {
        int i = IndexOf(key);
        return i < 0 ? null : _entries[i];
    }

    /// <summary>Replaces the value of an existing key (in place) or appends a new entry.</summary>
    public void Set(string key, YNode value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            if (ReferenceEquals(_entries[i].Value, value)) return;
            _entries[i].Value = value;
        }
        else _entries.Add(new YEntry(new YScalar(key), value));
        _modified = true;
    }

    /// <summary>
    /// Sets a key, placing a new entry right after the first of <paramref name="after"/> that exists
    /// (so new keys land where people expect them), else at the end.
    /// </summary>
    public void SetAfter(string key, YNode value, params string[] after)
    {
        if (ContainsKey(key)) { Set(key, value); return; }
        foreach (var a in after)
        {
            int i = IndexOf(a);
            if (i >= 0)
            {
                _entries.Insert(i + 1, new YEntry(new YScalar(key), value));
                _modified = true;
                return;
            }
        }
        Set(key, value);
    }

    /// <summary>Inserts an entry at a position; the key must not exist yet.</summary>
    public void Insert(int index, string key, YNode value)
    {
        if (ContainsKey(key)) throw new InvalidOperationException($"key '{key}' already present");
        _entries.Insert(index, new YEntry(new YScalar(key), value));
        _modified = true;
    }

    /// <summary>Removes a key; returns whether it was present.</summary>
    public bool Remove(string key)
    {
        int i = IndexOf(key);
        if (i < 0) return false;
        _entries.RemoveAt(i);
        _modified = true;
        return true;
    }

    internal void AddParsed(YScalar key, YNode value) => _entries.Add(new YEntry(key, value));

    /// <summary>Replaces the entry at <paramref name="index"/>, key node included (the key's text then comes with it).</summary>
    internal void ReplaceEntry(int index, YScalar key, YNode value)
    {
        if (_entries[index].Key.Value != key.Value) throw new ArgumentException("the key must stay the same", nameof(key));
        _entries[index] = new YEntry(key, value);
        _modified = true;
    }

    /// <summary>
    /// Puts this mapping's own entries in the given order (the same entries, each once); marks the mapping modified
    /// only when the order really changes.
    /// </summary>
    internal void Reorder(IReadOnlyList<YEntry> order)
    {
        if (order.Count != _entries.Count || order.Any(e => !_entries.Contains(e)) || order.Distinct().Count() != order.Count)
            throw new ArgumentException("not a permutation of this mapping's entries", nameof(order));
        if (order.SequenceEqual(_entries)) return;
        _entries.Clear();
        _entries.AddRange(order);
        _modified = true;
    }

    /// <summary>Gets the mapping under <paramref name="key"/>, creating it (block style) when absent or null.</summary>
    public YMapping GetOrAddMapping(string key, params string[] after)
    {
        if (this[key] is YMapping m) return m;
        var created = new YMapping();
        SetAfter(key, created, after);
        return created;
    }

    /// <inheritdoc />
    public override YNode DeepClone()
    {
        var copy = new YMapping { Source = Source, IsFlow = IsFlow };
        foreach (var e in _entries) copy._entries.Add(new YEntry((YScalar)e.Key.DeepClone(), e.Value.DeepClone()));
        copy._modified = _modified;
        return copy;
    }

    /// <inheritdoc />
    public override bool SemanticEquals(YNode? other)
    {
        if (other is not YMapping m || m.Count != Count) return false;
        foreach (var e in _entries)
        {
            var o = m.Find(e.Name);
            if (o is null || !e.Value.SemanticEquals(o.Value)) return false;
        }
        return true;
    }
}
