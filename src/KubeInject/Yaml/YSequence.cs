namespace KubeInject.Yaml;

/// <summary>An ordered sequence. Every change marks it modified, so the writer re-emits it.</summary>
internal sealed class YSequence : YNode
{
    private readonly List<YNode> _items = [];
    private bool _modified;

    /// <summary>Creates an empty block sequence.</summary>
    public YSequence() { }

    /// <summary>Creates a block sequence holding these items.</summary>
    public YSequence(IEnumerable<YNode> items)
    {
        _items.AddRange(items);
    }

    /// <summary>True when the sequence was written in flow style (<c>[a, b]</c>).</summary>
    public bool IsFlow { get; init; }

    /// <summary>The items in order.</summary>
    public IReadOnlyList<YNode> Items => _items;

    /// <summary>Number of items.</summary>
    public int Count => _items.Count;

    internal bool IsModified => _modified;

    internal override bool IsPristine
    {
        get
        {
            if (Source is null || _modified) return false;
            foreach (var i in _items)
                if (!i.IsPristine) return false;
            return true;
        }
    }

    /// <summary>Item at an index.</summary>
    public YNode this[int index] => _items[index];

    /// <summary>Appends an item.</summary>
    public void Add(YNode item)
    {
        _items.Add(item);
        _modified = true;
    }

    /// <summary>Inserts an item.</summary>
    public void Insert(int index, YNode item)
    {
        _items.Insert(index, item);
        _modified = true;
    }

    /// <summary>Removes the item at an index.</summary>
    public void RemoveAt(int index)
    {
        _items.RemoveAt(index);
        _modified = true;
    }

    /// <summary>Replaces the item at an index.</summary>
    public void Replace(int index, YNode item)
    {
        if (ReferenceEquals(_items[index], item)) return;
        _items[index] = item;
        _modified = true;
    }

    /// <summary>Moves an item; marks the sequence modified only when the order really changes.</summary>
    public void Move(int from, int to)
    {
        if (from == to) return;
        var item = _items[from];
        _items.RemoveAt(from);
        _items.Insert(to, item);
        _modified = true;
    }

    /// <summary>Replaces all items, keeping the sequence unmodified when the new list is the same nodes in the same order.</summary>
    public void ReplaceAll(IReadOnlyList<YNode> items)
    {
        if (items.Count == _items.Count && items.Select((n, i) => ReferenceEquals(n, _items[i])).All(b => b)) return;
        _items.Clear();
        _items.AddRange(items);
        _modified = true;
    }

    internal void AddParsed(YNode item) => _items.Add(item);

    /// <inheritdoc />
    public override YNode DeepClone()
    {
        var copy = new YSequence { Source = Source, IsFlow = IsFlow };
        foreach (var i in _items) copy._items.Add(i.DeepClone());
        copy._modified = _modified;
        return copy;
    }

    /// <inheritdoc />
    public override bool SemanticEquals(YNode? other)
    {
        if (other is not YSequence s || s.Count != Count) return false;
        for (int i = 0; i < _items.Count; i++)
            if (!_items[i].SemanticEquals(s._items[i])) return false;
        return true;
    }
}
