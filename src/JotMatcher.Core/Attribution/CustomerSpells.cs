using System.Runtime.InteropServices;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Attribution;

/// <summary>
/// Every claim spell grouped by customer in one array, so a link finds its customer's spells in O(1) without a list per
/// customer: either the matcher's own grouping, which a link names by index (<see cref="IdentityLink.Customer"/>), or,
/// for links made elsewhere, a counting sort of the claims (two passes, one dictionary lookup a spell) looked up by id.
/// The order of a customer's spells differs between the two (claim_id order, input order); every choice made from
/// them has its own tie-break, so it never shows.
/// </summary>
internal sealed class CustomerSpells
{
    private readonly Dictionary<RecordId, int>? _groupOf;
    private readonly int[] _offsets;
    private readonly ClaimSpell[] _spells;

    private CustomerSpells(Dictionary<RecordId, int>? groupOf, int[] offsets, ClaimSpell[] spells)
    {
        _groupOf = groupOf;
        _offsets = offsets;
        _spells = spells;
    }

    /// <summary>Groups already made: group g is <c>spells[offsets[g]..offsets[g + 1]]</c>; looked up by group only.</summary>
    public static CustomerSpells FromGroups(ClaimSpell[] spells, int[] offsets) => new(null, offsets, spells);

    public static CustomerSpells Build(IReadOnlyList<ClaimSpell> claims)
    {
        // Sized for a customer a claim up front: growing a million-entry table doubles it several times over, each
        // old table garbage on the large-object heap.
        var groupOf = new Dictionary<RecordId, int>(claims.Count);
        var groupOfClaim = new int[claims.Count];
        var counts = new List<int>(claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groupOf, claims[i].CustomerId, out var exists);
            if (!exists)
            {
                group = counts.Count;
                counts.Add(0);
            }

            groupOfClaim[i] = group;
            counts[group]++;
        }

        var offsets = new int[counts.Count + 1];
        for (var g = 0; g < counts.Count; g++)
        {
            offsets[g + 1] = offsets[g] + counts[g];
        }

        var next = offsets[..^1];
        var spells = new ClaimSpell[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            spells[next[groupOfClaim[i]]++] = claims[i];
        }

        return new CustomerSpells(groupOf, offsets, spells);
    }

    /// <summary>All spells, grouped by customer; a customer's spells are <c>Spells[start..start+count]</c>.</summary>
    public ClaimSpell[] Spells => _spells;

    public bool TryGetRange(IdentityLink link, out int start, out int count)
    {
        var group = link.Customer;
        if (_groupOf is null ? group >= 0 && group < _offsets.Length - 1 : _groupOf.TryGetValue(link.CustomerId, out group))
        {
            start = _offsets[group];
            count = _offsets[group + 1] - start;
            return true;
        }

        start = count = 0;
        return false;
    }
}
