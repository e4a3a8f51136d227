using System.Collections.Concurrent;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching;

/// <summary>
/// The evidence of a pair, as an auditor reads it (Splink's waterfall as data): the prior, then one row per field with
/// its comparison level and weight (log2 Bayes factor, 4 decimals), then any correction. The weights sum to the pair's
/// log2-odds. Rows are made once per model (or, for an exact name or date of birth, once per weight) and shared by
/// every pair, so a million links do not cost seven million objects.
/// </summary>
internal sealed class MatchEvidence
{
    public const string PriorField = "prior";

    /// <summary>The correction for surname, date of birth and postcode agreeing without the forename (twins), when it applies.</summary>
    public const string HouseholdField = "household";

    /// <summary>Field names of the one-to-one terms of the probabilistic pass, after the compared fields.</summary>
    public const string MatchShareField = "match_share";
    public const string RivalsField = "rivals";

    private readonly MatchModel model;
    private readonly FieldEvidence prior;
    private readonly FieldEvidence household;
    private readonly FieldEvidence namesake;
    private readonly FieldEvidence matchShare;
    private readonly FieldEvidence noRivals;

    // Exact-agreement rows of the term-frequency fields by (field, weight bits). The assembler's threads share them: two
    // threads making the same row at once keep one of two equal rows, which no output can tell apart.
    private readonly ConcurrentDictionary<(int Field, long WeightBits), FieldEvidence> exactRows = new();

    // [field][level][surname agrees ? 1 : 0]; the last level index is "missing".
    private readonly FieldEvidence[][][] rows;

    public MatchEvidence(MatchModel model)
    {
        this.model = model;
        prior = new FieldEvidence(PriorField, PriorField, Round(model.PriorLog2Odds));
        household = new FieldEvidence(HouseholdField, "twin_signature", Round(model.HouseholdBits));
        namesake = new FieldEvidence(HouseholdField, "namesake_at_address", Round(model.NamesakeBits));
        matchShare = new FieldEvidence(MatchShareField, "has_a_customer", Round(model.MatchShareBits));
        noRivals = new FieldEvidence(RivalsField, "other_candidates", 0);
        rows = new FieldEvidence[L.FieldCount][][];
        for (var f = 0; f < L.FieldCount; f++)
        {
            var levels = L.LevelNames[f].Length;
            rows[f] = new FieldEvidence[levels + 1][];
            for (var l = 0; l <= levels; l++)
            {
                var level = l == levels ? L.Missing : (byte)l;
                rows[f][l] = [Row(f, level, false), Row(f, level, true)];
            }
        }
    }

    public IReadOnlyList<FieldEvidence> For(IdentityProfile employment, IdentityProfile customer, out double log2Odds)
    {
        var v = PairComparer.Compare(employment, customer);
        var isHousehold = MatchModel.IsHousehold(v);
        var isNamesake = MatchModel.IsNamesakeHousehold(v);
        var evidence = new FieldEvidence[L.FieldCount + (isHousehold || isNamesake ? 2 : 1)];
        evidence[0] = prior;
        log2Odds = model.PriorLog2Odds;
        var surnameAgrees = MatchModel.SurnameAgrees(v.Surname);
        for (var f = 0; f < L.FieldCount; f++)
        {
            var field = (MatchField)f;
            var level = v[field];
            var weight = model.FieldWeight(field, level, customer, surnameAgrees);
            log2Odds += weight;
            evidence[f + 1] = level == L.Exact && HasTermFrequencies(field)
                ? ExactRow(f, Round(weight))
                : rows[f][level == L.Missing ? L.LevelNames[f].Length : level][surnameAgrees ? 1 : 0];
        }

        if (isHousehold || isNamesake)
        {
            log2Odds += model.HouseholdCorrection(v);
            evidence[^1] = isHousehold ? household : namesake;
        }

        return evidence;
    }

    /// <summary>
    /// Appends the probabilistic pass's one-to-one terms: the share of records that have a customer at all, and what the
    /// record's other candidates took (0 when it had no rival).
    /// </summary>
    public IReadOnlyList<FieldEvidence> WithOneToOne(IReadOnlyList<FieldEvidence> evidence, double rivalsBits)
    {
        // A plain array, copied by index: a collection expression here wrapped it and enumerated the interface, two
        // more objects per link.
        var all = new FieldEvidence[evidence.Count + 2];
        for (var i = 0; i < evidence.Count; i++)
        {
            all[i] = evidence[i];
        }

        all[^2] = matchShare;
        all[^1] = rivalsBits == 0 ? noRivals : new FieldEvidence(RivalsField, "other_candidates", Round(rivalsBits));
        return all;
    }

    // An exact name or date of birth weighs what its value's frequency says, so its row is made per weight — once: a
    // million links share a few thousand such rows, not three million. Keyed on the weight's bits, so 0 and -0 (which
    // print differently) never share a row.
    private FieldEvidence ExactRow(int f, double weight)
    {
        var key = (f, BitConverter.DoubleToInt64Bits(weight));
        return exactRows.TryGetValue(key, out var row)
            ? row
            : exactRows.GetOrAdd(key, static (k, w) => new FieldEvidence(L.FieldNames[k.Field], L.LevelName((MatchField)k.Field, L.Exact), w), weight);
    }

    private static bool HasTermFrequencies(MatchField field) => field is MatchField.Surname or MatchField.Forenames or MatchField.DateOfBirth;

    private FieldEvidence Row(int f, byte level, bool surnameAgrees)
    {
        var field = (MatchField)f;
        var weight = level == L.Missing ? 0 : model.FieldWeight(field, level, ProfileWithoutFrequencies, surnameAgrees);
        return new FieldEvidence(L.FieldNames[f], L.LevelName(field, level), Round(weight));
    }

    // Exact levels of the term-frequency fields never use a shared row, so any profile serves for the others.
    private static readonly IdentityProfile ProfileWithoutFrequencies = IdentityProfile.Create(0, "", "", null, default, "", default);

    private static double Round(double weight) => Math.Round(weight, 4, MidpointRounding.AwayFromZero);
}
