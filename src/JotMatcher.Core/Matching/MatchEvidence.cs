using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching;

/// <summary>
/// The evidence of a pair, as an auditor reads it (Splink's waterfall as data): the prior, then one row per field with
/// its comparison level and weight (log2 Bayes factor, 4 decimals). The weights sum to the pair's log2-odds.
/// </summary>
internal static class MatchEvidence
{
    public const string PriorField = "prior";

    /// <summary>The correction for surname, date of birth and postcode agreeing without the forename (twins), when it applies.</summary>
    public const string HouseholdField = "household";

    /// <summary>Field names of the one-to-one terms of the probabilistic pass, after the compared fields.</summary>
    public const string MatchShareField = "match_share";
    public const string RivalsField = "rivals";

    public static IReadOnlyList<FieldEvidence> For(IdentityProfile employment, IdentityProfile customer, MatchModel model, out double log2Odds)
    {
        var v = PairComparer.Compare(employment, customer);
        var evidence = new FieldEvidence[L.FieldCount + 1];
        evidence[0] = new FieldEvidence(PriorField, PriorField, Round(model.PriorLog2Odds));
        log2Odds = model.PriorLog2Odds;
        var surnameAgrees = MatchModel.SurnameAgrees(v.Surname);
        for (var f = 0; f < L.FieldCount; f++)
        {
            var field = (MatchField)f;
            var weight = model.FieldWeight(field, v[field], customer, surnameAgrees);
            log2Odds += weight;
            evidence[f + 1] = new FieldEvidence(L.FieldNames[f], L.LevelName(field, v[field]), Round(weight));
        }

        if (!MatchModel.IsHousehold(v))
        {
            return evidence;
        }

        log2Odds += model.HouseholdBits;
        return [.. evidence, new FieldEvidence(HouseholdField, "twin_signature", Round(model.HouseholdBits))];
    }

    /// <summary>
    /// Appends the probabilistic pass's one-to-one terms: the share of records that have a customer at all, and what the
    /// record's other candidates took (0 when it had no rival).
    /// </summary>
    public static IReadOnlyList<FieldEvidence> WithOneToOne(IReadOnlyList<FieldEvidence> evidence, double matchShareBits, double rivalsBits)
        => [.. evidence, new FieldEvidence(MatchShareField, "has_a_customer", Round(matchShareBits)), new FieldEvidence(RivalsField, "other_candidates", Round(rivalsBits))];

    private static double Round(double weight) => Math.Round(weight, 4, MidpointRounding.AwayFromZero);
}
