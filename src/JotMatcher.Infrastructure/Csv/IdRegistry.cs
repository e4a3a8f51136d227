using System.Runtime.InteropServices;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// The ids seen so far in one dataset (claim ids, or HMRC ids), across its files, so a later duplicate can be
/// rejected with a pointer to the first occurrence. Ids are not personal data, so the reason may name where.
/// </summary>
/// <remarks>
/// Extracts number their rows, so ids nearly always come in ascending order: those are appended to a sorted run,
/// where an id greater than the last one is new without any lookup, and a smaller one is found by binary search.
/// Only ids that break the order go to a hash table. Besides sparing a hash and a cache miss per row, an id in the
/// run costs 24 bytes (the id and a packed location) rather than a dictionary entry's 48. Every id in the table is
/// smaller than the run's last id (it was smaller when it came, and the last only grows), so an id greater than the
/// last is in neither (short of a location too large to pack, which sends even an ordered id to the table).
/// </remarks>
internal sealed class IdRegistry
{
    // A location packs its file's index in `files` above the line: no file has 2^40 lines.
    private const int LineBits = 40;
    private const long MaxPackedLine = (1L << LineBits) - 1;
    private const int MaxPackedFiles = 1 << 22;

    private readonly List<string> files = [];
    private readonly Dictionary<RecordId, SourceLocation> unordered = new();
    private RecordId[] run = [];
    private long[] runAt = [];
    private int runCount;

    /// <summary>Whether the table may hold an id greater than the run's last (only when a location could not be packed).</summary>
    private bool greaterInTable;

    /// <summary>Records <paramref name="id"/> at <paramref name="at"/>; false (with the first place) when it was seen before.</summary>
    public bool TryAdd(RecordId id, SourceLocation at, out SourceLocation first)
    {
        if (runCount == 0 || id > run[runCount - 1])
        {
            if (greaterInTable && unordered.TryGetValue(id, out first))
            {
                return false;
            }

            if (TryPack(at, out var packed))
            {
                Append(id, packed);
                first = at;
                return true;
            }

            // Not reachable with real files (2^40 lines, 4 million files); kept correct rather than assumed away.
            greaterInTable = true;
        }
        else
        {
            var found = Array.BinarySearch(run, 0, runCount, id);
            if (found >= 0)
            {
                first = Unpack(runAt[found]);
                return false;
            }
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(unordered, id, out var exists);
        if (exists)
        {
            first = slot;
            return false;
        }

        slot = at;
        first = at;
        return true;
    }

    /// <summary>Makes room for <paramref name="more"/> ids besides those already held.</summary>
    public void EnsureCapacity(int more) => Reserve(runCount + more);

    /// <summary>A point to go back to with <see cref="RollBack"/>: taken before a file is read.</summary>
    public int Mark() => runCount;

    /// <summary>
    /// Forgets <paramref name="ids"/>, every id added since <paramref name="mark"/> (a file quarantined after some of its
    /// rows had been read): those in the run are all after the mark, as the kind's files are read one at a time.
    /// </summary>
    public void RollBack(int mark, IEnumerable<RecordId> ids)
    {
        Array.Clear(run, mark, runCount - mark);
        runCount = mark;
        foreach (var id in ids)
        {
            unordered.Remove(id);
        }
    }

    private void Append(RecordId id, long packed)
    {
        if (runCount == run.Length)
        {
            Reserve(Math.Max(1024, runCount * 2));
        }

        run[runCount] = id;
        runAt[runCount] = packed;
        runCount++;
    }

    private void Reserve(int capacity)
    {
        if (capacity > run.Length)
        {
            Array.Resize(ref run, capacity);
            Array.Resize(ref runAt, capacity);
        }
    }

    private bool TryPack(SourceLocation at, out long packed)
    {
        packed = 0;
        if ((ulong)at.Line > MaxPackedLine)
        {
            return false;
        }

        // The same file's name comes with every row of it: one comparison of references finds it.
        var index = files.Count - 1;
        if (index < 0 || !ReferenceEquals(files[index], at.File))
        {
            index = files.IndexOf(at.File);
            if (index < 0)
            {
                if (files.Count == MaxPackedFiles)
                {
                    return false;
                }

                files.Add(at.File);
                index = files.Count - 1;
            }
        }

        packed = ((long)index << LineBits) | at.Line;
        return true;
    }

    private SourceLocation Unpack(long packed) => new(files[(int)(packed >> LineBits)], packed & MaxPackedLine);
}
