using System.Buffers;

namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// Items (customer profiles, or any numbered slots) grouped by one 64-bit key, for equality look-ups: two flat arrays
/// sorted by bucket, plus a table of where each bucket starts. A key is mixed by an odd multiplier (a bijection, so
/// equal mixed keys are equal keys) and its top bits pick the bucket; with about one bucket per item a look-up reads
/// the bucket table, then one or two keys — three cache misses where a binary search over a million keys took twenty.
/// Building is a counting sort on the bucket (linear, and it keeps items in index order), then a sort inside each tiny
/// bucket. A million customers cost three allocations.
/// </summary>
internal sealed class KeyIndex
{
    // 2^64 / golden ratio: multiplying by it spreads even small, dense keys (NINo digits) over the top bits.
    private const ulong Mixer = 0x9E3779B97F4A7C15;

    // Buckets longer than this are searched by halving, not scanned: a key shared by thousands (a placeholder date of
    // birth) must not make its bucket's other keys slow to find.
    private const int ScanLimit = 16;

    // Below this many items a second thread costs more than it saves.
    private const int ParallelBuildMinimum = 1 << 18;
    private const int MaxChunks = 8;

    // Sixteen bits a key: the 1.9 million open records' keys of five million people make a filter of 4 MB, passing one
    // absent key in sixteen to thirty-two (its size rounds up). With eight bits (one 5M run) twice as many unwanted
    // customers passed, 270 MB more of index to allocate, and the pass was no faster.
    private const int WantedFilterBitsPerKey = 16;

    private readonly ulong[] keys;
    private readonly int[] items;
    private readonly int[] bucketStarts;
    private readonly int shift;

    /// <param name="parallel">When given, a large index is built on several threads: the same arrays, item for item, as on one.</param>
    public KeyIndex(IdentityProfile[] customers, ProfileKey keyOf, ParallelOptions? parallel = null)
        : this(customers.Length, i => keyOf(customers[i]), parallel)
    {
    }

    /// <summary>
    /// Indexes, of the customers, those whose key <paramref name="wanted"/> may hold: for a join with that index, the
    /// same runs of items as the whole index gives (every customer under a wanted key is kept, in index order; the few
    /// others a filter lets through are under keys the join passes over), at the cost of a filter look-up instead of a
    /// place in the large index. For joins only: <see cref="Find"/> may find keys <paramref name="wanted"/> lacks.
    /// </summary>
    /// <param name="scratch">
    /// Where the mixed keys are put while building (at least one slot a customer), for a caller that builds many such
    /// indexes in turn; without it a pooled buffer is rented.
    /// </param>
    public KeyIndex(IdentityProfile[] customers, ProfileKey keyOf, KeyIndex wanted, ulong[]? scratch = null)
        : this(customers.Length, MaybeWanted(i => keyOf(customers[i]), wanted), null, scratch)
    {
    }

    /// <summary>Indexes item i under <paramref name="keyOfItem"/>[i] where <paramref name="wanted"/> may hold that key, as above.</summary>
    public KeyIndex(long[] keyOfItem, KeyIndex wanted)
        : this(keyOfItem.Length, MaybeWanted(i => keyOfItem[i], wanted), null)
    {
    }

    /// <summary>Indexes item i under <paramref name="keyOfItem"/>[i]; key 0 means the item has no key.</summary>
    public KeyIndex(long[] keyOfItem, ParallelOptions? parallel = null)
        : this(keyOfItem.Length, i => keyOfItem[i], parallel)
    {
    }

    // The mixed keys are needed only while building: a pooled buffer, so seventeen indexes of a million customers do
    // not each leave ten megabytes for the collector. (The shared pool keeps few arrays this large a thread, and
    // missed often enough at five million people, where one is 48 MB, that the probabilistic pass passes its own.)
    private KeyIndex(int itemCount, Func<int, long> keyOf, ParallelOptions? parallel, ulong[]? scratch = null)
    {
        if (scratch is not null && scratch.Length < itemCount)
        {
            throw new ArgumentException($"A scratch buffer of {scratch.Length} slots is too small for {itemCount} items.", nameof(scratch));
        }

        var buffer = scratch ?? ArrayPool<ulong>.Shared.Rent(itemCount);
        try
        {
            // The probabilistic pass's indexes are built one a thread already and pass no options.
            var chunks = parallel is null || itemCount < ParallelBuildMinimum
                ? 1
                : Math.Clamp(parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount, 1, MaxChunks);
            if (chunks == 1)
            {
                var mixed = buffer.AsSpan(0, itemCount);
                for (var i = 0; i < mixed.Length; i++)
                {
                    mixed[i] = (ulong)keyOf(i) * Mixer;
                }

                (keys, items, bucketStarts, shift) = Build(mixed);
            }
            else
            {
                (keys, items, bucketStarts, shift) = BuildInChunks(buffer, itemCount, keyOf, chunks, parallel!);
            }
        }
        finally
        {
            if (scratch is null)
            {
                ArrayPool<ulong>.Shared.Return(buffer);
            }
        }
    }

    // Most items' keys are not wanted (the open records are a fraction of the customers), so a filter of the wanted
    // keys answers most of them from cache. What passes is kept without asking the wanted index: that look-up (two or
    // three misses to memory, for millions of customers a rule) was the probabilistic pass's largest single cost at
    // five million people (perf, whole 5M replay: the pass's blocking frames 20.4 k samples with it, 17.2 k without).
    private static Func<int, long> MaybeWanted(Func<int, long> keyOf, KeyIndex wanted)
    {
        var filter = new KeyFilter(wanted.keys.Length, WantedFilterBitsPerKey);
        foreach (var m in wanted.keys)
        {
            filter.Add(m);
        }

        return i => keyOf(i) is var key && filter.MightContain((ulong)key * Mixer) ? key : 0;
    }

    private static int BucketBits(int count)
    {
        // Between one and two items per bucket (a power of two buckets): the table costs two to four bytes per item.
        var bits = 0;
        while ((1L << (bits + 1)) <= count)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>
    /// <see cref="Build"/> on several threads, each taking a contiguous range of items: every range counts its own
    /// buckets, then scatters its items after the lower ranges' items of the same bucket, so each bucket holds its items
    /// in index order exactly as the one-thread counting sort leaves them; the buckets are then sorted in ranges.
    /// </summary>
    private static (ulong[] Keys, int[] Items, int[] BucketStarts, int Shift) BuildInChunks(
        ulong[] mixed, int itemCount, Func<int, long> keyOf, int chunks, ParallelOptions parallel)
    {
        var per = (itemCount + chunks - 1) / chunks;
        var nonZero = new int[chunks];
        Parallel.For(0, chunks, parallel, t =>
        {
            var (from, to) = (t * per, Math.Min(itemCount, (t + 1) * per));
            var n = 0;
            for (var i = from; i < to; i++)
            {
                var m = (ulong)keyOf(i) * Mixer;
                mixed[i] = m;
                n += m != 0 ? 1 : 0;
            }

            nonZero[t] = n;
        });

        var count = nonZero.Sum();
        var bits = BucketBits(count);
        var shift = bits == 0 ? 63 : 64 - bits;
        var buckets = 1 << bits;
        var counts = new int[chunks][];
        Parallel.For(0, chunks, parallel, t =>
        {
            var mine = new int[buckets];
            var (from, to) = (t * per, Math.Min(itemCount, (t + 1) * per));
            for (var i = from; i < to; i++)
            {
                if (mixed[i] != 0)
                {
                    mine[BucketOf(mixed[i])]++;
                }
            }

            counts[t] = mine;
        });

        // bucketStarts[b] is where bucket b begins; each range's counts become where its items of that bucket begin.
        var bucketStarts = new int[buckets + 1];
        var at = 0;
        for (var b = 0; b < buckets; b++)
        {
            bucketStarts[b] = at;
            for (var t = 0; t < chunks; t++)
            {
                var c = counts[t][b];
                counts[t][b] = at;
                at += c;
            }
        }

        bucketStarts[buckets] = at;
        var keys = new ulong[count];
        var items = new int[count];
        Parallel.For(0, chunks, parallel, t =>
        {
            var next = counts[t];
            var (from, to) = (t * per, Math.Min(itemCount, (t + 1) * per));
            for (var i = from; i < to; i++)
            {
                var m = mixed[i];
                if (m != 0)
                {
                    var slot = next[BucketOf(m)]++;
                    keys[slot] = m;
                    items[slot] = i;
                }
            }
        });

        var bucketsPer = (buckets + chunks - 1) / chunks;
        Parallel.For(0, chunks, parallel, t =>
        {
            for (var b = t * bucketsPer; b < Math.Min(buckets, (t + 1) * bucketsPer); b++)
            {
                SortBucket(keys, items, bucketStarts[b], bucketStarts[b + 1]);
            }
        });

        return (keys, items, bucketStarts, shift);

        int BucketOf(ulong m) => (int)(m >> shift) & (buckets - 1);
    }

    private static (ulong[] Keys, int[] Items, int[] BucketStarts, int Shift) Build(ReadOnlySpan<ulong> mixed)
    {
        var count = 0;
        foreach (var m in mixed)
        {
            if (m != 0)
            {
                count++;
            }
        }

        var bits = BucketBits(count);
        var shift = bits == 0 ? 63 : 64 - bits;
        var buckets = 1 << bits;
        var bucketStarts = new int[buckets + 1];
        foreach (var m in mixed)
        {
            if (m != 0)
            {
                bucketStarts[BucketOf(m) + 1]++;
            }
        }

        for (var b = 0; b < buckets; b++)
        {
            bucketStarts[b + 1] += bucketStarts[b];
        }

        // Scatter in item order, counting each bucket's start up to its end; then shift the table back by one.
        var keys = new ulong[count];
        var items = new int[count];
        for (var i = 0; i < mixed.Length; i++)
        {
            if (mixed[i] != 0)
            {
                var at = bucketStarts[BucketOf(mixed[i])]++;
                keys[at] = mixed[i];
                items[at] = i;
            }
        }

        Array.Copy(bucketStarts, 0, bucketStarts, 1, buckets);
        bucketStarts[0] = 0;
        for (var b = 0; b < buckets; b++)
        {
            SortBucket(keys, items, bucketStarts[b], bucketStarts[b + 1]);
        }

        return (keys, items, bucketStarts, shift);

        int BucketOf(ulong m) => (int)(m >> shift) & (buckets - 1);
    }

    /// <summary>Whether any item is under <paramref name="key"/>; false for key 0.</summary>
    public bool Contains(long key) => !Find(key).IsEmpty;

    /// <summary>The items under <paramref name="key"/>, in ascending order; empty for key 0.</summary>
    public ReadOnlySpan<int> Find(long key)
    {
        var m = (ulong)key * Mixer;
        if (m == 0)
        {
            return [];
        }

        var b = Bucket(m);
        int lo = bucketStarts[b], hi = bucketStarts[b + 1];
        if (hi - lo > ScanLimit)
        {
            lo = LowerBound(m, lo, hi);
        }
        else
        {
            while (lo < hi && keys[lo] < m)
            {
                lo++;
            }
        }

        var end = lo;
        while (end < hi && keys[end] == m)
        {
            end++;
        }

        return items.AsSpan(lo, end - lo);
    }

    /// <summary>
    /// Calls <paramref name="onMatch"/> for each key both indexes hold, in key order, with the items of each side. Both
    /// are sorted by mixed key (bucket, then key), so this is one merge over two arrays read front to back: no look-up
    /// jumps across memory.
    /// </summary>
    public static void Join(KeyIndex left, KeyIndex right, MatchedItems onMatch)
        => Merge(left, right, (i, iEnd, j, jEnd) => onMatch(left.items.AsSpan(i, iEnd - i), right.items.AsSpan(j, jEnd - j)));

    /// <summary>
    /// For each item of <paramref name="left"/> (numbered below <paramref name="leftItemCount"/>), where this index's
    /// items under the same key lie (<see cref="ItemsAt"/>); empty where none. A merge, as <see cref="Join"/>.
    /// </summary>
    public Range[] RangesFor(KeyIndex left, int leftItemCount)
    {
        var ranges = new Range[leftItemCount];
        Merge(left, this, (i, iEnd, j, jEnd) =>
        {
            for (var k = i; k < iEnd; k++)
            {
                ranges[left.items[k]] = j..jEnd;
            }
        });
        return ranges;
    }

    /// <summary>The items in <paramref name="range"/>, one of <see cref="RangesFor"/>.</summary>
    public ReadOnlySpan<int> ItemsAt(Range range) => items.AsSpan(range);

    private static void Merge(KeyIndex left, KeyIndex right, Action<int, int, int, int> onRuns)
    {
        var (a, b) = (left.keys, right.keys);
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                var (iEnd, jEnd) = (i + 1, j + 1);
                while (iEnd < a.Length && a[iEnd] == a[i])
                {
                    iEnd++;
                }

                while (jEnd < b.Length && b[jEnd] == b[j])
                {
                    jEnd++;
                }

                onRuns(i, iEnd, j, jEnd);
                (i, j) = (iEnd, jEnd);
            }
        }
    }

    private int Bucket(ulong mixedKey) => (int)(mixedKey >> shift) & (bucketStarts.Length - 2);

    private int LowerBound(ulong m, int lo, int hi)
    {
        while (lo < hi)
        {
            var mid = (int)(((uint)lo + (uint)hi) >> 1);
            if (keys[mid] < m)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // A bucket's items arrive in index order. Sorting them by key must keep that order within a key: an insertion sort
    // does for the usual bucket of one or two; a long bucket is sorted (unstably) and each run of equal keys re-sorted.
    private static void SortBucket(ulong[] keys, int[] items, int start, int end)
    {
        if (end - start <= ScanLimit)
        {
            for (var i = start + 1; i < end; i++)
            {
                var (key, item) = (keys[i], items[i]);
                var j = i - 1;
                while (j >= start && keys[j] > key)
                {
                    keys[j + 1] = keys[j];
                    items[j + 1] = items[j];
                    j--;
                }

                keys[j + 1] = key;
                items[j + 1] = item;
            }

            return;
        }

        Array.Sort(keys, items, start, end - start);
        var run = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i == end || keys[i] != keys[run])
            {
                if (i - run > 1)
                {
                    Array.Sort(items, run, i - run);
                }

                run = i;
            }
        }
    }
}
