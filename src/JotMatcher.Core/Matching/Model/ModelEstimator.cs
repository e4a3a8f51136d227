using JotMatcher.Core.Matching.Comparison;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching.Model;

/// <summary>
/// Fits the <see cref="MatchModel"/> from the data itself, so no weight is hand-set:
/// <list type="bullet">
/// <item>u: level frequencies among seeded random HMRC × customer pairs, corrected for the few matches among them;
/// and, for pairs whose surname agrees, among pairs of different customers sharing a surname (relatives).</item>
/// <item>m: the deterministic links as labelled matches. A field the deterministic rule looked at is counted only on
/// links chosen by the other field (surname m on links whose date of birth agreed, and vice versa), so the rule's own
/// selection does not bias it. NINo m comes from pairs agreeing exactly on surname, forename and date of birth.</item>
/// <item>prior: the share of HMRC records with a true customer, from the deterministic link rate.</item>
/// </list>
/// Each m is smoothed toward a default with a small pseudo-count, so a dataset without NINos still gets a usable model.
/// </summary>
internal static class ModelEstimator
{
    private const double PseudoCount = 10;
    private const double MinMatchShare = 0.01;
    private const double HouseholdPseudoCount = 100;

    /// <summary>
    /// Labelled matches used for m at most (every k-th deterministic link, and a hash-selected share of the strong-key
    /// pairs): m of a level seen once in a thousand links is known well from 200,000, and the estimate costs no more at a
    /// million customers than at a hundred thousand.
    /// </summary>
    private const int LabelledSample = 200_000;

    private static readonly double[][] DefaultM =
    [
        [0.90, 0.05, 0.05],
        [0.88, 0.03, 0.02, 0.01, 0.005, 0.003, 0.005, 0.01, 0.037],
        [0.85, 0.03, 0.005, 0.03, 0.02, 0.02, 0.005, 0.01, 0.01, 0.02],
        [0.90, 0.02, 0.05, 0.01, 0.02],
        [0.85, 0.03, 0.02, 0.04, 0.03, 0.03],
        [0.97, 0.03],
        [0.80, 0.05, 0.10, 0.05],
    ];

    public static MatchModel Estimate(
        IdentityProfile[] employments,
        IdentityProfile[] customers,
        int customerCount,
        IReadOnlyList<(int Employment, int Customer)> deterministicLinks,
        MatchingSettings settings,
        ParallelOptions parallel)
    {
        var mCounts = NewCounts();
        var step = Math.Max(1, deterministicLinks.Count / LabelledSample);
        for (var i = 0; i < deterministicLinks.Count; i += step)
        {
            var (h, c) = deterministicLinks[i];
            var v = PairComparer.Compare(employments[h], customers[c]);
            Tally(mCounts, MatchField.Forenames, v.Forenames);
            Tally(mCounts, MatchField.Postcode, v.Postcode);
            Tally(mCounts, MatchField.Sex, v.Sex);
            Tally(mCounts, MatchField.MiddleNames, v.MiddleNames);
            if (v.DateOfBirth == L.Exact)
            {
                Tally(mCounts, MatchField.Surname, v.Surname);
            }

            if (v.Surname == L.Exact)
            {
                Tally(mCounts, MatchField.DateOfBirth, v.DateOfBirth);
            }
        }

        TallyNinoOnStrongAgreement(employments, customers, mCounts);
        var m = new double[L.FieldCount][];
        for (var f = 0; f < L.FieldCount; f++)
        {
            var counts = mCounts[f];
            var n = counts.Sum();
            m[f] = new double[counts.Length];
            for (var l = 0; l < counts.Length; l++)
            {
                m[f][l] = (counts[l] + (PseudoCount * DefaultM[f][l])) / (n + PseudoCount);
            }
        }

        var matchShare = EstimateMatchShare(employments, customers, deterministicLinks.Count, m[(int)MatchField.Nino][L.Exact]);
        var lambda = matchShare / Math.Max(1, customerCount);
        var u = CorrectedForMatches(NonMatchSampler.RandomPairs(employments, customers, settings, parallel), m, lambda);
        var sameSurname = NonMatchSampler.SameSurnameNonMatches(customers, settings, parallel);
        var uGivenSurname = ShrunkToward(sameSurname, u);
        var household = HouseholdInteraction(sameSurname[L.FieldCount], uGivenSurname, MatchField.DateOfBirth, NonMatchSampler.HouseholdBothPresent);
        var namesake = HouseholdInteraction(sameSurname[L.FieldCount], uGivenSurname, MatchField.Forenames, NonMatchSampler.NamesakeBothPresent);
        for (var f = 0; f < L.FieldCount; f++)
        {
            KeepPartialAgreementAboveDisagreement(m[f], u[f]);
        }

        // Three tallies over every customer, each on its own: one a thread.
        TermFrequencies? surnames = null, forenames = null, dates = null;
        Parallel.Invoke(parallel,
            () => surnames = TermFrequencies.Count(customers.Select(c => c.Surname)),
            () => forenames = TermFrequencies.Count(customers.Select(c => c.Forename)),
            () => dates = TermFrequencies.Count(customers.Select(c => c.DobYmd), MatchModel.DateKey));
        return new MatchModel(Math.Log2(lambda / (1 - lambda)), matchShare, m, u, uGivenSurname, household, namesake, surnames!, forenames!, dates!);
    }

    /// <summary>
    /// u per level: the level's share among seeded random pairs, less the true matches hiding among them. A random pair
    /// is a match with probability <paramref name="lambda"/>, so the observed share is λ·m + (1−λ)·u; solving for u
    /// matters for levels non-matches almost never reach (an equal NINo), where the matches would otherwise be most of
    /// what was counted. Each u keeps at least one pseudo-observation: rare, never impossible.
    /// </summary>
    private static double[][] CorrectedForMatches(long[][] counts, double[][] m, double lambda)
    {
        var u = new double[L.FieldCount][];
        for (var f = 0; f < L.FieldCount; f++)
        {
            var n = counts[f].Sum();
            var floor = 1.0 / (n + counts[f].Length);
            u[f] = new double[counts[f].Length];
            for (var l = 0; l < u[f].Length; l++)
            {
                var observed = (counts[f][l] + 1.0) / (n + counts[f].Length);
                u[f][l] = Math.Max(floor, (observed - (lambda * m[f][l])) / (1 - lambda));
            }

            Normalise(u[f]);
        }

        return u;
    }

    /// <summary>
    /// u among same-surname non-matches, shrunk toward the plain u with <see cref="HouseholdPseudoCount"/> pseudo-pairs,
    /// so a dataset with few such pairs (or no NINos) falls back to the plain u rather than to noise.
    /// </summary>
    private static double[][] ShrunkToward(long[][] counts, double[][] u)
    {
        var shrunk = new double[L.FieldCount][];
        for (var f = 0; f < L.FieldCount; f++)
        {
            // The surname is the condition, and the sample leaves out equal NINos by construction: both keep the plain u.
            if (f is (int)MatchField.Surname or (int)MatchField.Nino)
            {
                shrunk[f] = [.. u[f]];
                continue;
            }

            var n = counts[f].Sum();
            shrunk[f] = new double[counts[f].Length];
            for (var l = 0; l < shrunk[f].Length; l++)
            {
                shrunk[f][l] = (counts[f][l] + (HouseholdPseudoCount * u[f][l])) / (n + HouseholdPseudoCount);
            }
        }

        return shrunk;
    }

    /// <summary>
    /// Among relatives, agreeing on the postcode and on the date of birth (twins) or the forename (a father and son of
    /// one name) together is likelier than the two chances multiplied: the u of the pair of exact agreements, measured
    /// directly among same-surname customers and shrunk toward the product, gives the correction to add when both agree
    /// — never a bonus. <paramref name="present"/> indexes the sampler's count of pairs with both fields present; the
    /// count with both exact follows it.
    /// </summary>
    private static double HouseholdInteraction(long[] counts, double[][] uGivenSurname, MatchField field, int present)
    {
        var product = uGivenSurname[(int)field][L.Exact] * uGivenSurname[(int)MatchField.Postcode][L.Exact];
        var joint = (counts[present + 1] + (HouseholdPseudoCount * product))
            / (counts[present] + HouseholdPseudoCount);
        return Math.Min(0, Math.Log2(product / joint));
    }

    /// <summary>
    /// A partial agreement (a nickname, a typo, a swapped day and month) never counts as more evidence against than the
    /// field's total disagreement (its last level): with a level the labelled links barely reached, the smoothed m can
    /// fall below that, which would rank a near miss under a stranger.
    /// </summary>
    private static void KeepPartialAgreementAboveDisagreement(double[] m, double[] u)
    {
        var last = m.Length - 1;
        var disagreement = m[last] / u[last];
        for (var l = 1; l < last; l++)
        {
            m[l] = Math.Max(m[l], u[l] * disagreement);
        }

        Normalise(m);
    }

    private static void Normalise(double[] p)
    {
        var sum = p.Sum();
        for (var i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }
    }

    // Pairs that agree exactly on surname, first forename and date of birth (one customer only) are matches almost
    // always; how their two valid NINos compare estimates the NINo m without assuming the NINo pass's own answer.
    private static void TallyNinoOnStrongAgreement(IdentityProfile[] employments, IdentityProfile[] customers, long[][] counts)
    {
        // Keep keys whose low bits are zero, as many bits as halve the customers down to the sample: both sides of a
        // pair share the key, so a kept customer keeps its HMRC partners.
        var keepMask = 0L;
        while ((customers.Length >> BitCount(keepMask)) > LabelledSample)
        {
            keepMask = (keepMask << 1) | 1;
        }

        var owners = new Dictionary<long, int>();
        var stems = new Dictionary<long, long>();
        foreach (ref readonly var c in customers.AsSpan())
        {
            if (c.Stem == 0 || !TryStrongKey(c, out var key) || (key & keepMask) != 0)
            {
                continue;
            }

            if (owners.TryGetValue(key, out var owner) && owner != c.Owner)
            {
                owners[key] = -1;
            }
            else if (!owners.ContainsKey(key))
            {
                owners[key] = c.Owner;
                stems[key] = c.Stem;
            }
        }

        foreach (ref readonly var h in employments.AsSpan())
        {
            if (h.Stem != 0 && TryStrongKey(h, out var key) && (key & keepMask) == 0 && owners.TryGetValue(key, out var owner) && owner >= 0)
            {
                Tally(counts, MatchField.Nino, PairComparer.CompareNino(h.Stem, stems[key]));
            }
        }
    }

    private static int BitCount(long mask) => System.Numerics.BitOperations.PopCount((ulong)mask);

    private static bool TryStrongKey(in IdentityProfile p, out long key)
    {
        key = 0;
        if (p.Surname.Length == 0 || p.Forename.Length == 0 || p.DobYmd == IdentityProfile.NoDate)
        {
            return false;
        }

        key = KeyHash.Of(p.Surname, p.Forename, p.DobYmd);
        return true;
    }

    // The share of HMRC records that have a true customer: deterministic links over the records that could have
    // been linked deterministically (both sides with a valid NINo, the NINo copied right).
    private static double EstimateMatchShare(IdentityProfile[] employments, IdentityProfile[] customers, int deterministicLinks, double mNinoExact)
    {
        var withNino = employments.Count(e => e.Stem != 0);
        var customerNinoShare = customers.Length == 0 ? 0 : customers.Count(c => c.Stem != 0) / (double)customers.Length;
        var reachable = withNino * customerNinoShare * mNinoExact;
        var share = reachable < 1 ? 0.5 : deterministicLinks / reachable;
        return Math.Clamp(share, MinMatchShare, 1 - MinMatchShare);
    }

    private static long[][] NewCounts() => NonMatchSampler.NewCounts();

    private static void Tally(long[][] counts, MatchField field, byte level)
    {
        if (level != L.Missing)
        {
            counts[(int)field][level]++;
        }
    }
}
