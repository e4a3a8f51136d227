using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// The ids seen so far in one dataset (claim ids, or HMRC ids), across its files, so a later duplicate can be
/// rejected with a pointer to the first occurrence. Ids are not personal data, so the reason may name where.
/// </summary>
internal sealed class IdRegistry
{
    private readonly Dictionary<string, SourceLocation> seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="id"/> at <paramref name="at"/>; false (with the first place) when it was seen before.</summary>
    public bool TryAdd(string id, SourceLocation at, out SourceLocation first)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, id, out var exists);
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
    public void EnsureCapacity(int more) => seen.EnsureCapacity(seen.Count + more);

    /// <summary>Forgets the ids of a file that was quarantined after some of its rows had been read.</summary>
    public void Remove(string id) => seen.Remove(id);
}
