using System.Collections.Concurrent;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching;

/// <summary>
/// The evidence of a pair, as an auditor reads it (Splink's waterfall as data): the prior, then one row per field with
/// its comparison level and weight (log2 Bayes factor, 4 decimals), then any correction. The weights sum to the pair's
/// log2-odds. Rows are made once per model (or, for an exact name or date of birth, once per weight) and shared by
/// every pair, and a pair's evidence is the levels that pick its rows, packed into a <see cref="LinkEvidence"/>: a
/// million links cost neither seven million rows nor a million arrays.
/// </summary>
internal sealed class MatchEvidence
{
    public const string PriorField = "prior";

    /// <summary>The correction for surname, date of birth and postcode agreeing without the forename (twins), when it applies.</summary>
    public const string HouseholdField = "household";

    /// <summary>Field names of the one-to-one terms of the probabilistic pass, after the compared fields.</summary>
    public const string MatchShareField = "match_share";
    public const string RivalsField = "rivals";

    // The packed levels: a slot per field, in field order, from the lowest bit. A slot holds the level, or the field's
    // level count for "missing"; a term-frequency field's exact level is its count + 1 + the index of its weight's
    // row, so those slots are wide (the distinct weights of a field are at most the distinct frequencies of its
    // values, a few thousand at 5 million customers). The bit above the slots says the one-to-one terms follow.
    private const int NarrowSlotBits = 4;
    private const int WideSlotBits = 15;
    private static readonly int[] SlotShift = new int[L.FieldCount];
    private static readonly ulong[] SlotMask = new ulong[L.FieldCount];
    private static readonly int OneToOneShift;

    private readonly MatchModel model;
    private readonly FieldEvidence prior;
    private readonly FieldEvidence household;
    private readonly FieldEvidence namesake;
    private readonly FieldEvidence matchShare;
    private readonly FieldEvidence noRivals;

    // [field][level][surname agrees ? 1 : 0]; the last level index is "missing".
    private readonly FieldEvidence[][][] rows;

    // Exact-agreement rows of the term-frequency fields, by field (null for the others).
    private readonly ExactRows?[] exactRows = new ExactRows?[L.FieldCount];

    static MatchEvidence()
    {
        var shift = 0;
        for (var f = 0; f < L.FieldCount; f++)
        {
            var bits = HasTermFrequencies((MatchField)f) ? WideSlotBits : NarrowSlotBits;
            SlotShift[f] = shift;
            SlotMask[f] = (1UL << bits) - 1;
            shift += bits;
        }

        OneToOneShift = shift;
    }

    /// <param name="model">The model whose weights the rows show.</param>
    /// <param name="exactRowsPerField">How many exact-agreement rows a field numbers before a pair needing more keeps
    /// its rows as a list (the slot's width; smaller only in tests).</param>
    public MatchEvidence(MatchModel model, int exactRowsPerField = -1)
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
                // One row where the surname changes nothing (a missing field, say), so equal rows are one object.
                var apart = Row(f, level, false);
                var together = Row(f, level, true);
                rows[f][l] = [apart, SameCells(apart, together) ? apart : together];
            }

            if (HasTermFrequencies((MatchField)f))
            {
                var room = (int)SlotMask[f] - levels;
                exactRows[f] = new ExactRows(f, exactRowsPerField < 0 ? room : Math.Min(exactRowsPerField, room));
            }
        }
    }

    public LinkEvidence For(in IdentityProfile employment, in IdentityProfile customer, out double log2Odds)
    {
        var v = PairComparer.Compare(employment, customer);
        log2Odds = model.PriorLog2Odds;
        var surnameAgrees = MatchModel.SurnameAgrees(v.Surname);
        var code = 0UL;
        FieldEvidence?[]? unnumbered = null;
        for (var f = 0; f < L.FieldCount; f++)
        {
            var field = (MatchField)f;
            var level = v[field];
            var weight = model.FieldWeight(field, level, customer, surnameAgrees);
            log2Odds += weight;
            var levels = L.LevelNames[f].Length;
            ulong slot = level == L.Missing ? (ulong)levels : level;
            if (level == L.Exact && exactRows[f] is { } exact)
            {
                var rounded = Round(weight);
                var index = exact.IndexOf(rounded);
                slot = (ulong)(levels + 1 + Math.Max(index, 0));
                if (index < 0)
                {
                    // More distinct weights than the slot numbers: this pair keeps its rows as a list.
                    unnumbered ??= new FieldEvidence?[L.FieldCount];
                    unnumbered[f] = new FieldEvidence(L.FieldNames[f], L.LevelName(field, level), rounded);
                }
            }

            code |= slot << SlotShift[f];
        }

        log2Odds += model.HouseholdCorrection(v);
        var evidence = new LinkEvidence(this, code, null);
        return unnumbered is null ? evidence : Listed(evidence, unnumbered);
    }

    /// <summary>
    /// Appends the probabilistic pass's one-to-one terms: the share of records that have a customer at all, and what the
    /// record's other candidates took (0 when it had no rival).
    /// </summary>
    public LinkEvidence WithOneToOne(LinkEvidence evidence, double rivalsBits)
    {
        if (evidence.IsPackedBy(this) && !HasOneToOne(evidence.Code))
        {
            return new LinkEvidence(this, evidence.Code | (1UL << OneToOneShift), RivalsRow(rivalsBits));
        }

        var all = new FieldEvidence[evidence.Count + 2];
        for (var i = 0; i < evidence.Count; i++)
        {
            all[i] = evidence[i];
        }

        all[^2] = matchShare;
        all[^1] = RivalsRow(rivalsBits);
        return LinkEvidence.Create(all);
    }

    /// <summary>How many rows the packed levels stand for: the prior, the fields, any correction, any one-to-one terms.</summary>
    public int Count(ulong code)
        => 1 + L.FieldCount + (HasHouseholdRow(code) ? 1 : 0) + (HasOneToOne(code) ? 2 : 0);

    /// <summary>The row at an index of the packed levels' evidence.</summary>
    public FieldEvidence Row(ulong code, FieldEvidence? rivals, int index)
    {
        if (index <= 0)
        {
            return index == 0 ? prior : throw new ArgumentOutOfRangeException(nameof(index));
        }

        if (index <= L.FieldCount)
        {
            var f = index - 1;
            var levels = L.LevelNames[f].Length;
            var slot = (int)((code >> SlotShift[f]) & SlotMask[f]);
            if (slot > levels)
            {
                return exactRows[f]![slot - levels - 1];
            }

            return rows[f][slot][MatchModel.SurnameAgrees(LevelOf(code, (int)MatchField.Surname)) ? 1 : 0];
        }

        var next = L.FieldCount + 1;
        if (HasHouseholdRow(code))
        {
            if (index == next)
            {
                return MatchModel.IsHousehold(Levels(code)) ? household : namesake;
            }

            next++;
        }

        return !HasOneToOne(code) || index > next + 1 ? throw new ArgumentOutOfRangeException(nameof(index))
            : index == next ? matchShare
            : rivals ?? noRivals;
    }

    // The same rows as a list, the unnumbered exact rows in place of their slots' rows.
    private LinkEvidence Listed(LinkEvidence evidence, FieldEvidence?[] unnumbered)
    {
        var all = new FieldEvidence[evidence.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i is >= 1 and <= L.FieldCount && unnumbered[i - 1] is { } row ? row : evidence[i];
        }

        return LinkEvidence.Create(all);
    }

    private FieldEvidence RivalsRow(double rivalsBits)
        => rivalsBits == 0 ? noRivals : new FieldEvidence(RivalsField, "other_candidates", Round(rivalsBits));

    private static bool HasOneToOne(ulong code) => ((code >> OneToOneShift) & 1) != 0;

    private static bool HasHouseholdRow(ulong code)
    {
        var v = Levels(code);
        return MatchModel.IsHousehold(v) || MatchModel.IsNamesakeHousehold(v);
    }

    private static byte LevelOf(ulong code, int f)
    {
        var levels = L.LevelNames[f].Length;
        var slot = (int)((code >> SlotShift[f]) & SlotMask[f]);
        return slot == levels ? L.Missing : slot > levels ? L.Exact : (byte)slot;
    }

    private static ComparisonVector Levels(ulong code)
        => new(LevelOf(code, 0), LevelOf(code, 1), LevelOf(code, 2), LevelOf(code, 3), LevelOf(code, 4), LevelOf(code, 5), LevelOf(code, 6));

    private static bool HasTermFrequencies(MatchField field) => field is MatchField.Surname or MatchField.Forenames or MatchField.DateOfBirth;

    private FieldEvidence Row(int f, byte level, bool surnameAgrees)
    {
        var field = (MatchField)f;
        var weight = level == L.Missing ? 0 : model.FieldWeight(field, level, ProfileWithoutFrequencies, surnameAgrees);
        return new FieldEvidence(L.FieldNames[f], L.LevelName(field, level), Round(weight));
    }

    // Exact levels of the term-frequency fields never use a shared row, so any profile serves for the others.
    private static readonly IdentityProfile ProfileWithoutFrequencies = IdentityProfile.Create(0, "", "", null, default, "", default);

    private static bool SameCells(FieldEvidence a, FieldEvidence b)
        => a.Field == b.Field && a.Level == b.Level && BitConverter.DoubleToInt64Bits(a.Weight) == BitConverter.DoubleToInt64Bits(b.Weight);

    private static double Round(double weight) => Math.Round(weight, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// One field's exact-agreement rows, numbered as first met. An exact name or date of birth weighs what its value's
    /// frequency says, so its row is made per weight, once. Keyed on the weight's bits, so 0 and -0 (which print
    /// differently) never share a row. The assembler's threads share the rows: which thread numbers a weight first
    /// changes its number, never its row, and only the rows reach an output.
    /// </summary>
    private sealed class ExactRows(int field, int capacity)
    {
        private readonly ConcurrentDictionary<long, int> numbers = new();
        private readonly Lock numbering = new();
        private FieldEvidence[] rows = new FieldEvidence[64];
        private int count;

        public FieldEvidence this[int number] => Volatile.Read(ref rows)[number];

        /// <summary>The number of the row of a weight, made if new; -1 when the field has numbered all it can.</summary>
        public int IndexOf(double weight)
        {
            var bits = BitConverter.DoubleToInt64Bits(weight);
            if (numbers.TryGetValue(bits, out var number))
            {
                return number;
            }

            lock (numbering)
            {
                if (numbers.TryGetValue(bits, out number))
                {
                    return number;
                }

                if (count == capacity)
                {
                    return -1;
                }

                // A reader holding the old array reads only rows numbered before it was replaced.
                var grown = rows;
                if (count == rows.Length)
                {
                    grown = new FieldEvidence[rows.Length * 2];
                    rows.CopyTo(grown, 0);
                }

                grown[count] = new FieldEvidence(L.FieldNames[field], L.LevelName((MatchField)field, L.Exact), weight);
                Volatile.Write(ref rows, grown);
                numbers[bits] = count;
                return count++;
            }
        }
    }
}
