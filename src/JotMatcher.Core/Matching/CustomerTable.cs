using JotMatcher.Core.Matching.Text;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>
/// The customers the matcher links to, in ordinal customer-id order (so index order is the tie-break order), each with
/// its spells and its distinct identity variants as <see cref="IdentityProfile"/>s. A customer recorded with slightly
/// different names on different spells is compared through every variant, and the best one speaks for it.
/// </summary>
internal sealed class CustomerTable
{
    // All spells in customer then claim_id order, one array; customer c's are spells[spellStarts[c]..spellStarts[c + 1]].
    // A million customers then cost one array, not a million small ones the collector traces for the whole match.
    private readonly ClaimSpell[] spells;
    private readonly int[] spellStarts;

    private CustomerTable(RecordId[] ids, ClaimSpell[] spells, int[] spellStarts, IdentityProfile[] profiles)
    {
        Ids = ids;
        this.spells = spells;
        this.spellStarts = spellStarts;
        Profiles = profiles;
    }

    public RecordId[] Ids { get; }

    /// <summary>All identity variants, grouped by owner in customer order.</summary>
    public IdentityProfile[] Profiles { get; }

    /// <summary>A customer's spells in claim_id order.</summary>
    public ReadOnlySpan<ClaimSpell> SpellsOf(int customer) => spells.AsSpan(spellStarts[customer], spellStarts[customer + 1] - spellStarts[customer]);

    /// <summary>The spells grouped as here, for attribution: customer c's are group c.</summary>
    public Attribution.CustomerSpells SpellsByCustomer() => Attribution.CustomerSpells.FromGroups(spells, spellStarts);

    public static CustomerTable Build(IReadOnlyList<ClaimSpell> claims, NameForms.Cache? names = null, ParallelOptions? parallel = null)
    {
        var sorted = OrdinalOrder.Sorted(claims, static c => c.CustomerId, static c => c.ClaimId);

        // Arrays sized exactly (a first pass counts the customers): no lists regrown and copied at a million entries,
        // whose discarded arrays sit in the large-object heap until the next full collection.
        var ids = new RecordId[CountCustomers(sorted)];
        var starts = new int[ids.Length + 1];

        // The spells whose identity is the first of its kind within their customer, with their customer's index.
        var identitySpells = new int[sorted.Length];
        var identityOwners = new int[sorted.Length];
        var identities = 0;
        var owner = 0;
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i].CustomerId == sorted[start].CustomerId)
            {
                continue;
            }

            ids[owner] = sorted[start].CustomerId;
            starts[owner] = start;
            var group = sorted.AsSpan(start, i - start);
            for (var j = 0; j < group.Length; j++)
            {
                if (!RepeatsEarlierIdentity(group, j))
                {
                    identitySpells[identities] = start + j;
                    identityOwners[identities] = owner;
                    identities++;
                }
            }

            owner++;
            start = i;
        }

        starts[ids.Length] = sorted.Length;
        // Profiles are built in parallel into fixed slots: the same order whatever the threads.
        var profiles = new IdentityProfile[identities];
        Parallel.For(0, profiles.Length, parallel ?? new ParallelOptions(), i =>
        {
            var s = sorted[identitySpells[i]];
            profiles[i] = IdentityProfile.Create(identityOwners[i], s.Surname, s.Forenames, s.DateOfBirth, s.Sex, s.Postcode, s.Nino, names);
        });
        return new CustomerTable(ids, sorted, starts, profiles);
    }

    private static int CountCustomers(ClaimSpell[] sorted)
    {
        var count = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].CustomerId != sorted[i - 1].CustomerId)
            {
                count++;
            }
        }

        return count;
    }

    private static bool RepeatsEarlierIdentity(ReadOnlySpan<ClaimSpell> group, int j)
    {
        var s = group[j];
        for (var k = 0; k < j; k++)
        {
            var t = group[k];
            if (string.Equals(s.Surname, t.Surname, StringComparison.Ordinal)
                && string.Equals(s.Forenames, t.Forenames, StringComparison.Ordinal)
                && s.DateOfBirth == t.DateOfBirth && s.Sex == t.Sex
                && string.Equals(s.Postcode, t.Postcode, StringComparison.Ordinal)
                && s.Nino == t.Nino)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The spell a review case points at: the ended spell whose claim_end is nearest the employment start, else the
    /// latest claim_start; ties by claim_id (spells are already in claim_id order).
    /// </summary>
    public RecordId SpellNearest(int customer, DateOnly employmentStart)
    {
        ClaimSpell? best = null;
        var bestDistance = int.MaxValue;
        var spellsOf = SpellsOf(customer);
        foreach (var s in spellsOf)
        {
            if (s.ClaimEnd is { } end)
            {
                var distance = Math.Abs(end.DayNumber - employmentStart.DayNumber);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (s, distance);
                }
            }
        }

        if (best is not null)
        {
            return best.ClaimId;
        }

        var latest = spellsOf[0];
        foreach (var s in spellsOf)
        {
            if (s.ClaimStart > latest.ClaimStart)
            {
                latest = s;
            }
        }

        return latest.ClaimId;
    }
}
