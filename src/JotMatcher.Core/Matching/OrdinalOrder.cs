using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>
/// The ordinal order of a million ids without a million comparisons chasing pointers: a packed <see cref="RecordId"/>
/// is a number that orders as its text does, so when every id is packed the sort is of (primary, secondary, index)
/// triples of numbers; only when some id kept its text are the ids compared one by one. Ties after both ids keep input
/// order (a stable order).
/// </summary>
internal static class OrdinalOrder
{
    /// <summary>
    /// <paramref name="items"/> in the ordinal order of their ids, as a new array. Items already in order (the usual
    /// case) are only checked and copied: no id arrays, no index array.
    /// </summary>
    public static T[] Sorted<T>(IReadOnlyList<T> items, Func<T, RecordId> primary, Func<T, RecordId>? secondary = null)
    {
        if (InOrder(new Ids<T>(items, primary), secondary is null ? null : new Ids<T>(items, secondary)))
        {
            return [.. items];
        }

        var order = Of(items.Select(primary).ToArray(), secondary is null ? null : items.Select(secondary).ToArray());
        return Array.ConvertAll(order, i => items[i]);
    }

    public static int[] Of(IReadOnlyList<RecordId> primary, IReadOnlyList<RecordId>? secondary = null)
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

        if (AllPacked(primary) && (secondary is null || AllPacked(secondary)))
        {
            // Entry compares itself (inlined): no comparer object, no id read twice.
            var entries = new Entry[primary.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = new Entry(primary[i].Packed, secondary is null ? 0 : secondary[i].Packed, i);
            }

            Array.Sort(entries);
            return Array.ConvertAll(entries, e => e.Index);
        }

        var order = new int[primary.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = primary[a].CompareTo(primary[b]);
            if (c == 0 && secondary is not null)
            {
                c = secondary[a].CompareTo(secondary[b]);
            }

            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }

    private static bool InOrder(IReadOnlyList<RecordId> primary, IReadOnlyList<RecordId>? secondary)
    {
        for (var i = 1; i < primary.Count; i++)
        {
            var c = primary[i - 1].CompareTo(primary[i]);
            if (c > 0 || (c == 0 && secondary is not null && secondary[i - 1].CompareTo(secondary[i]) > 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllPacked(IReadOnlyList<RecordId> ids)
    {
        foreach (var id in ids)
        {
            if (id.Packed == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ids of a list of items, read through without copying them out.</summary>
    private sealed class Ids<T>(IReadOnlyList<T> items, Func<T, RecordId> id) : IReadOnlyList<RecordId>
    {
        public int Count => items.Count;

        public RecordId this[int index] => id(items[index]);

        public IEnumerator<RecordId> GetEnumerator() => items.Select(id).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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
}
