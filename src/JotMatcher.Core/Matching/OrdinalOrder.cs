namespace JotMatcher.Core.Matching;

/// <summary>
/// The ordinal order of a million ids without a million string comparisons chasing pointers: each id's first sixteen
/// UTF-16 units are packed into two 64-bit keys (eight bits a unit when every id is Latin-1, else the first eight units
/// at sixteen bits), which order exactly as <see cref="string.CompareOrdinal(string, string)"/> does on those units;
/// only ids equal that far are compared as strings. Ties after both ids keep input order (a stable order).
/// </summary>
internal static class OrdinalOrder
{
    /// <summary>
    /// <paramref name="items"/> in the ordinal order of their ids, as a new array. Items already in order (the usual
    /// case) are only checked and copied: no id arrays, no index array.
    /// </summary>
    public static T[] Sorted<T>(IReadOnlyList<T> items, Func<T, string> primary, Func<T, string>? secondary = null)
    {
        if (InOrder(new Ids<T>(items, primary), secondary is null ? null : new Ids<T>(items, secondary)))
        {
            return [.. items];
        }

        var order = Of(items.Select(primary).ToArray(), secondary is null ? null : items.Select(secondary).ToArray());
        return Array.ConvertAll(order, i => items[i]);
    }

    public static int[] Of(IReadOnlyList<string> primary, IReadOnlyList<string>? secondary = null)
    {
        // Inputs usually arrive in order already (files written in id order, loaded in line order): one pass says so.
        if (InOrder(primary, secondary))
        {
            var identity = new int[primary.Count];
            for (var i = 0; i < identity.Length; i++)
            {
                identity[i] = i;
            }

            return identity;
        }

        var latin1 = AllLatin1(primary) && (secondary is null || AllLatin1(secondary));
        var entries = new Entry[primary.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var (high, low) = Pack(primary[i], latin1);
            entries[i] = new Entry(high, low, i);
        }

        // Sorting by the packed keys alone needs no comparer object (Entry compares itself, inlined); only runs of
        // equal keys are then ordered by the strings themselves. The order is the same as one sort with the full comparer.
        Array.Sort(entries);
        var comparer = new Comparer(primary, secondary);
        var start = 0;
        for (var i = 1; i <= entries.Length; i++)
        {
            if (i < entries.Length && entries[i].High == entries[start].High && entries[i].Low == entries[start].Low)
            {
                continue;
            }

            if (i - start > 1)
            {
                Array.Sort(entries, start, i - start, comparer);
            }

            start = i;
        }

        return Array.ConvertAll(entries, e => e.Index);
    }

    private static bool InOrder(IReadOnlyList<string> primary, IReadOnlyList<string>? secondary)
    {
        for (var i = 1; i < primary.Count; i++)
        {
            var c = string.CompareOrdinal(primary[i - 1], primary[i]);
            if (c > 0 || (c == 0 && secondary is not null && string.CompareOrdinal(secondary[i - 1], secondary[i]) > 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ids of a list of items, read through without copying them out.</summary>
    private sealed class Ids<T>(IReadOnlyList<T> items, Func<T, string> id) : IReadOnlyList<string>
    {
        public int Count => items.Count;

        public string this[int index] => id(items[index]);

        public IEnumerator<string> GetEnumerator() => items.Select(id).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static bool AllLatin1(IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            foreach (var c in id)
            {
                if (c > 0xFF)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // A shorter id sorts before any longer one it prefixes: padding with zero does that, as a unit is never below 0 —
    // except an id with a real U+0000, which the string comparison in the comparer then settles.
    private static (ulong High, ulong Low) Pack(string id, bool latin1)
    {
        var (bits, units) = latin1 ? (8, 16) : (16, 8);
        ulong high = 0, low = 0;
        for (var i = 0; i < units; i++)
        {
            ulong c = i < id.Length ? id[i] : 0u;
            if (i < units / 2)
            {
                high = (high << bits) | c;
            }
            else
            {
                low = (low << bits) | c;
            }
        }

        return (high, low);
    }

    private readonly record struct Entry(ulong High, ulong Low, int Index) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var c = High.CompareTo(other.High);
            if (c == 0)
            {
                c = Low.CompareTo(other.Low);
            }

            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }

    private sealed class Comparer(IReadOnlyList<string> primary, IReadOnlyList<string>? secondary) : IComparer<Entry>
    {
        public int Compare(Entry a, Entry b)
        {
            var c = a.High.CompareTo(b.High);
            if (c == 0)
            {
                c = a.Low.CompareTo(b.Low);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(primary[a.Index], primary[b.Index]);
            }

            if (c == 0 && secondary is not null)
            {
                c = string.CompareOrdinal(secondary[a.Index], secondary[b.Index]);
            }

            return c != 0 ? c : a.Index.CompareTo(b.Index);
        }
    }
}
