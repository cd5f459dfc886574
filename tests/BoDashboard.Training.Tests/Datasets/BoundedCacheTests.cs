using BoDashboard.Training.Datasets;

namespace BoDashboard.Training.Tests.Datasets;

/// <summary>The dataset cache keeps the most recently used entries within its entry and byte limits.</summary>
public class BoundedCacheTests
{
    private sealed class Loads
    {
        public List<string> Log { get; } = [];

        public byte[] Load(string key, int size)
        {
            Log.Add(key);
            return new byte[size];
        }
    }

    [Fact]
    public void Beyond_the_entry_limit_the_least_recently_used_entry_is_dropped()
    {
        var cache = new BoundedCache<byte[]>(maxEntries: 2, maxBytes: long.MaxValue, b => b.LongLength);
        var loads = new Loads();

        cache.GetOrLoad("a", () => loads.Load("a", 1));
        cache.GetOrLoad("b", () => loads.Load("b", 1));
        cache.GetOrLoad("a", () => loads.Load("a", 1)); // a is now the most recent
        cache.GetOrLoad("c", () => loads.Load("c", 1)); // drops b
        cache.GetOrLoad("a", () => loads.Load("a", 1));
        cache.GetOrLoad("b", () => loads.Load("b", 1));

        Assert.Equal(["a", "b", "c", "b"], loads.Log);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Beyond_the_byte_limit_old_entries_are_dropped_but_the_one_in_use_stays()
    {
        var cache = new BoundedCache<byte[]>(maxEntries: 100, maxBytes: 1000, b => b.LongLength);

        cache.GetOrLoad("a", () => new byte[400]);
        cache.GetOrLoad("b", () => new byte[400]);
        cache.GetOrLoad("c", () => new byte[400]);

        Assert.Equal(2, cache.Count);
        Assert.Equal(800, cache.Bytes);

        var big = cache.GetOrLoad("huge", () => new byte[5000]);

        Assert.Equal(5000, big.Length);
        Assert.Equal(1, cache.Count);
        Assert.Equal(5000, cache.Bytes);
    }

    [Fact]
    public void A_failed_load_is_not_kept()
    {
        var cache = new BoundedCache<byte[]>(2, 1000, b => b.LongLength);

        Assert.Throws<IOException>(() => cache.GetOrLoad("a", () => throw new IOException("corrupt")));
        var value = cache.GetOrLoad("a", () => new byte[3]);

        Assert.Equal(3, value.Length);
        Assert.Equal(3, cache.Bytes);
    }

    [Fact]
    public void Concurrent_requests_for_one_key_load_it_once()
    {
        var cache = new BoundedCache<byte[]>(2, 1000, b => b.LongLength);
        var count = 0;

        Parallel.For(0, 16, _ => cache.GetOrLoad("a", () =>
        {
            Interlocked.Increment(ref count);
            Thread.Sleep(20);
            return new byte[10];
        }));

        Assert.Equal(1, count);
        Assert.Equal(10, cache.Bytes);
    }

    [Fact]
    public void The_dataset_loader_cache_is_bounded()
    {
        Assert.Equal(DatasetLoader.MaxCachedDatasets, DatasetLoader.Cache.MaxEntries);
        Assert.True(DatasetLoader.Cache.MaxBytes <= 4L << 30);
    }
}
