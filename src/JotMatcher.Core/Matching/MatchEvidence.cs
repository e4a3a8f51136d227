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

    public static IReadOnlyList<FieldEvidence> For(IdentityProfile employment, IdentityProfile customer, MatchModel model, out double log2Odds)
    {
        var v = PairComparer.Compare(employment, customer);
        var evidence = new FieldEvidence[L.FieldCount + 1];
        evidence[0] = new FieldEvidence(PriorField, PriorField, Round(model.PriorLog2Odds));
        log2Odds = model.PriorLog2Odds;
        for (var f = 0; f < L.FieldCount; f++)
        {
            var field = (MatchField)f;
            var weight = model.FieldWeight(field, v[field], customer);
            log2Odds += weight;
            evidence[f + 1] = new FieldEvidence(L.FieldNames[f], L.LevelName(field, v[field]), Round(weight));
        }

        return evidence;
    }

    private static double Round(double weight) => Math.Round(weight, 4, MidpointRounding.AwayFromZero);
}
