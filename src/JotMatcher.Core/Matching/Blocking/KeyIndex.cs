namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// Customer profiles sorted by one 64-bit key, for equality look-ups by binary search: two flat arrays instead of a
/// dictionary of lists, so a million customers cost two allocations and one sort.
/// </summary>
internal sealed class KeyIndex
{
    private readonly long[] keys;
    private readonly int[] profiles;

    public KeyIndex(IdentityProfile[] customers, Func<IdentityProfile, long> keyOf)
    {
        var count = 0;
        var allKeys = new long[customers.Length];
        for (var i = 0; i < customers.Length; i++)
        {
            allKeys[i] = keyOf(customers[i]);
            if (allKeys[i] != 0)
            {
                count++;
            }
        }

        keys = new long[count];
        profiles = new int[count];
        var n = 0;
        for (var i = 0; i < customers.Length; i++)
        {
            if (allKeys[i] != 0)
            {
                keys[n] = allKeys[i];
                profiles[n++] = i;
            }
        }

        Array.Sort(keys, profiles);
        SortRunsByIndex();
    }

    /// <summary>The profile indices sharing <paramref name="key"/>, in ascending order; empty for key 0.</summary>
    public ReadOnlySpan<int> Find(long key)
    {
        if (key == 0)
        {
            return [];
        }

        var lo = LowerBound(key);
        var hi = lo;
        while (hi < keys.Length && keys[hi] == key)
        {
            hi++;
        }

        return profiles.AsSpan(lo, hi - lo);
    }

    private int LowerBound(long key)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (int)(((uint)lo + (uint)hi) >> 1);
            if (keys[mid] < key)
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

    // Array.Sort is unstable: order each run of equal keys by profile index so look-ups never depend on it.
    private void SortRunsByIndex()
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(profiles, start, i - start);
                }

                start = i;
            }
        }
    }
}
