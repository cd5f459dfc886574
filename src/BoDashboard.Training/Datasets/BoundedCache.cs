namespace BoDashboard.Training.Datasets;

/// <summary>
/// A least-recently-used cache bounded by entry count and by bytes, whose values are loaded once per key even when
/// several threads ask at the same time. A process that trains on many datasets (a study per image folder) keeps only
/// the recent ones in memory instead of every one it ever loaded. A failed load is not kept.
/// </summary>
public sealed class BoundedCache<T>(int maxEntries, long maxBytes, Func<T, long> sizeOf) where T : class
{
    private readonly object gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new(); // most recently used first
    private long bytes;

    public int MaxEntries { get; } = Math.Max(1, maxEntries);

    public long MaxBytes { get; } = maxBytes;

    public int Count
    {
        get { lock (gate) return entries.Count; }
    }

    public long Bytes
    {
        get { lock (gate) return bytes; }
    }

    public T GetOrLoad(string key, Func<T> load)
    {
        LinkedListNode<Entry> node;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var found))
            {
                node = found;
                recency.Remove(node);
                recency.AddFirst(node);
            }
            else
            {
                node = recency.AddFirst(new Entry(key, new Lazy<T>(load)));
                entries[key] = node;
            }
        }

        T value;
        try
        {
            value = node.Value.Value.Value;
        }
        catch
        {
            lock (gate) Remove(node);
            throw;
        }

        lock (gate)
        {
            if (node.List is not null && node.Value.Bytes is null)
            {
                node.Value.Bytes = sizeOf(value);
                bytes += node.Value.Bytes.Value;
            }

            EvictBeyondLimits(keep: node);
        }

        return value;
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            recency.Clear();
            bytes = 0;
        }
    }

    /// <summary>Drops least recently used entries until both limits hold; the entry just handed out stays even when it
    /// alone is over the byte limit (its caller holds it anyway).</summary>
    private void EvictBeyondLimits(LinkedListNode<Entry> keep)
    {
        var candidate = recency.Last;
        while (candidate is not null && (entries.Count > MaxEntries || bytes > MaxBytes))
        {
            var previous = candidate.Previous;
            if (candidate != keep) Remove(candidate);
            candidate = previous;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        if (node.List is null) return;
        recency.Remove(node);
        entries.Remove(node.Value.Key);
        bytes -= node.Value.Bytes ?? 0;
    }

    private sealed class Entry(string key, Lazy<T> value)
    {
        public string Key { get; } = key;

        public Lazy<T> Value { get; } = value;

        /// <summary>Known once loaded; an entry still loading counts as an entry but not yet as bytes.</summary>
        public long? Bytes { get; set; }
    }
}
