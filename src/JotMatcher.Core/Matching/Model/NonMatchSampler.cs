using JotMatcher.Core.Matching.Blocking;
using JotMatcher.Core.Matching.Comparison;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching.Model;

/// <summary>
/// Counts comparison levels among pairs that are (almost all) not the same person, for the u probabilities:
/// seeded random HMRC × customer pairs, and pairs of different customers sharing a surname — relatives and namesakes. Work is cut into a fixed number of chunks, each with its own seed, and the
/// integer counts are summed, so the result is the same whatever the number of threads.
/// </summary>
internal static class NonMatchSampler
{
    private const int Chunks = 64;

    /// <summary>Same-surname pairs examined per customer at most, so one common surname cannot dominate.</summary>
    private const int PairsPerRecord = 8;

    public static long[][] RandomPairs(IdentityProfile[] employments, IdentityProfile[] customers, MatchingSettings settings, ParallelOptions parallel)
    {
        if (employments.Length == 0 || customers.Length == 0)
        {
            return NewCounts();
        }

        var samples = Math.Min(settings.RandomPairSamples, (long)employments.Length * customers.Length);
        var perChunk = new long[Chunks][][];
        Parallel.For(0, Chunks, parallel, k =>
        {
            var counts = NewCounts();
            var random = new Random(unchecked(settings.Seed + (k * 7919)));
            var n = (samples / Chunks) + (k < samples % Chunks ? 1 : 0);
            for (var i = 0L; i < n; i++)
            {
                Tally(counts, PairComparer.Compare(employments[random.Next(employments.Length)], customers[random.Next(customers.Length)]));
            }

            perChunk[k] = counts;
        });
        return Sum(perChunk);
    }

    /// <summary>
    /// Levels of every field among pairs of different customers with the same surname: different people (a customer is
    /// one person; two customers holding the same NINo are left out) who share a surname, often a household — the
    /// non-matches that random pairs almost never produce. Unlike HMRC × customer pairs, no true match hides among them.
    /// The extra last row counts, among pairs with both a date of birth and a postcode, those agreeing exactly on both
    /// (<see cref="HouseholdBothPresent"/>, <see cref="HouseholdBothExact"/>): twins, whom the fields one by one miss; and
    /// the same for the forename and the postcode (<see cref="NamesakeBothPresent"/>, <see cref="NamesakeBothExact"/>):
    /// a father and son of one name at one address.
    /// </summary>
    public static long[][] SameSurnameNonMatches(IdentityProfile[] customers, MatchingSettings settings, ParallelOptions parallel)
    {
        var bySurname = new KeyIndex(customers, static (in p) => p.Surname.Length == 0 ? 0 : KeyHash.Of(p.Surname, 0), parallel);
        var perChunk = new long[Chunks][][];
        var chunkSize = (customers.Length + Chunks - 1) / Chunks;
        var chunkBudget = (settings.RandomPairSamples / Chunks) + 1;
        Parallel.For(0, Chunks, parallel, k =>
        {
            long[][] counts = [.. NewCounts(), new long[4]];
            var budget = chunkBudget;
            var end = Math.Min(customers.Length, (k + 1) * chunkSize);
            for (var i = k * chunkSize; i < end && budget > 0; i++)
            {
                ref readonly var a = ref customers[i];
                var block = bySurname.Find(a.Surname.Length == 0 ? 0 : KeyHash.Of(a.Surname, 0));
                if (block.Length < 2)
                {
                    continue;
                }

                // Start at a point fixed by the profile, so which pairs are examined never depends on scheduling.
                var start = (int)((uint)(i * 2654435761u) % (uint)block.Length);
                var taken = 0;
                for (var n = 0; n < block.Length && taken < PairsPerRecord; n++)
                {
                    ref readonly var b = ref customers[block[(start + n) % block.Length]];
                    if (b.Owner == a.Owner || (a.Stem != 0 && a.Stem == b.Stem))
                    {
                        continue;
                    }

                    var v = PairComparer.Compare(a, b);
                    Tally(counts, v);
                    TallyBoth(counts[L.FieldCount], HouseholdBothPresent, v.DateOfBirth, v.Postcode);
                    TallyBoth(counts[L.FieldCount], NamesakeBothPresent, v.Forenames, v.Postcode);

                    taken++;
                }

                budget -= taken;
            }

            perChunk[k] = counts;
        });
        return Sum(perChunk);
    }

    public const int HouseholdBothPresent = 0;
    public const int HouseholdBothExact = 1;
    public const int NamesakeBothPresent = 2;
    public const int NamesakeBothExact = 3;

    // Pairs with both fields present at [present], and those agreeing exactly on both at [present + 1].
    private static void TallyBoth(long[] counts, int present, byte first, byte postcode)
    {
        if (first != L.Missing && postcode != L.Missing)
        {
            counts[present]++;
            if (first == L.Exact && postcode == L.Exact)
            {
                counts[present + 1]++;
            }
        }
    }

    public static long[][] NewCounts() => [.. L.LevelNames.Select(n => new long[n.Length])];

    private static void Tally(long[][] counts, in ComparisonVector v)
    {
        for (var f = 0; f < L.FieldCount; f++)
        {
            var level = v[(MatchField)f];
            if (level != L.Missing)
            {
                counts[f][level]++;
            }
        }
    }

    private static long[][] Sum(long[][][] parts)
    {
        var total = parts[0].Select(row => new long[row.Length]).ToArray();
        foreach (var part in parts)
        {
            for (var f = 0; f < total.Length; f++)
            {
                for (var l = 0; l < total[f].Length; l++)
                {
                    total[f][l] += part[f][l];
                }
            }
        }

        return total;
    }
}
