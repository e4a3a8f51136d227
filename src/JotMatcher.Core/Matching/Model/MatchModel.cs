using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using JotMatcher.Core.Matching.Comparison;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching.Model;

/// <summary>
/// The fitted Fellegi–Sunter model: per field and level the m probability (of the level among true matches), the
/// u probability (among non-matches) and the u among non-matches that share a surname; the prior odds that a random
/// HMRC × customer pair is a match; and term-frequency tables. A pair's match weight is the prior log2-odds plus each
/// field's log2(m/u).
/// <para>
/// Fellegi–Sunter takes fields as independent among non-matches, and households break that: a relative sharing the
/// surname is far likelier than a stranger to share the address and, for a twin, the date of birth. So when the
/// surname agrees, the other fields are weighed against <see cref="UGivenSurname"/> — P(level | surname agrees,
/// non-match), the chain rule rather than the independence assumption. Exact names and dates of birth use the value's
/// own frequency as u (term-frequency adjustment), plus the relation's own excess when the surname agrees, so "smith"
/// counts for less than "szepessy" and a placeholder date of birth for little. Two signatures of relatives at one
/// address get a measured correction on top: the twin (<see cref="HouseholdBits"/>) and the namesake
/// (<see cref="NamesakeBits"/>).
/// </para>
/// Everything a weight depends on is in the model file (<see cref="MatchModelJson"/>), so a replay scores identically.
/// </summary>
internal sealed class MatchModel
{
    private readonly double[][] weights;
    private readonly double[][] weightsGivenSurname;

    // Exact-agreement weights by frequency class (ExactWeightClasses), as among strangers and among relatives; a
    // profile never looked up (class 0) weighs nothing.
    private readonly double[] exactSurname;
    private readonly double[] exactForename;
    private readonly double[] exactForenameGivenSurname;
    private readonly double[] exactDateOfBirth;
    private readonly double[] exactDateOfBirthGivenSurname;

    public MatchModel(double priorLog2Odds, double matchShare, double[][] m, double[][] u, double[][] uGivenSurname,
        double householdBits, double namesakeBits, TermFrequencies surnames, TermFrequencies forenames, TermFrequencies datesOfBirth)
    {
        HouseholdBits = householdBits;
        NamesakeBits = namesakeBits;
        PriorLog2Odds = priorLog2Odds;
        MatchShare = matchShare;
        M = m;
        U = u;
        UGivenSurname = uGivenSurname;
        Surnames = surnames;
        Forenames = forenames;
        DatesOfBirth = datesOfBirth;
        weights = Weights(m, u);
        weightsGivenSurname = Weights(m, uGivenSurname);
        exactSurname = ExactWeights(MatchField.Surname, surnames, givenSurname: false);
        exactForename = ExactWeights(MatchField.Forenames, forenames, givenSurname: false);
        exactForenameGivenSurname = ExactWeights(MatchField.Forenames, forenames, givenSurname: true);
        exactDateOfBirth = ExactWeights(MatchField.DateOfBirth, datesOfBirth, givenSurname: false);
        exactDateOfBirthGivenSurname = ExactWeights(MatchField.DateOfBirth, datesOfBirth, givenSurname: true);
    }

    public double PriorLog2Odds { get; }

    /// <summary>The estimated share of HMRC records that have a customer at all (s).</summary>
    public double MatchShare { get; }

    /// <summary>
    /// SPEC §3 links a record to one customer at most. Given that a record has a customer with probability s, the odds
    /// that candidate c is the one are λ·BF_c / ((1 − s) + Σ λ·BF over the other candidates) rather than the pairwise
    /// λ·BF_c: this term is the −log2(1 − s) part, <see cref="CandidateResolver"/> applies the rivals' part.
    /// </summary>
    public double MatchShareBits => -Math.Log2(1 - MatchShare);

    public double[][] M { get; }

    public double[][] U { get; }

    public double[][] UGivenSurname { get; }

    public TermFrequencies Surnames { get; }

    public TermFrequencies Forenames { get; }

    public TermFrequencies DatesOfBirth { get; }

    /// <summary>
    /// Added (it is never positive) when the surname, the date of birth and the postcode all agree but the forename does
    /// not: the twin's signature. Those agreements together are much likelier among relatives than their product says;
    /// when the forename agrees too, no twin explains the pair, and no correction is due.
    /// </summary>
    public double HouseholdBits { get; }

    /// <summary>
    /// Added (never positive) when the surname, the forename and the postcode all agree but the dates of birth disagree:
    /// the signature of a namesake relative at the same address, a father and son both John Smith.
    /// Forename and address agreements together are likelier among relatives than their product says.
    /// </summary>
    public double NamesakeBits { get; }

    /// <summary>Whether the namesake correction applies to a pair.</summary>
    public static bool IsNamesakeHousehold(in ComparisonVector v)
        => SurnameAgrees(v.Surname) && v.Forenames == L.Exact && v.Postcode == L.Exact
            && v.DateOfBirth is L.DateOfBirth.Else or L.DateOfBirth.WithinMonth;

    /// <summary>The household correction of a pair (twin or namesake signature, at most one applies), 0 when none.</summary>
    public double HouseholdCorrection(in ComparisonVector v)
        => IsHousehold(v) ? HouseholdBits : IsNamesakeHousehold(v) ? NamesakeBits : 0;

    /// <summary>Whether the household correction applies to a pair.</summary>
    public static bool IsHousehold(in ComparisonVector v)
        => SurnameAgrees(v.Surname) && v.DateOfBirth == L.Exact && v.Postcode == L.Exact
            && v.Forenames is L.Forenames.Else or L.Forenames.Jw80 or L.Forenames.OtherToken or L.Missing;

    /// <summary>The surname levels under which the other fields are weighed as among relatives.</summary>
    public static bool SurnameAgrees(byte surnameLevel) => surnameLevel <= L.Surname.DoubleBarrel;

    public static double Probability(double log2Odds) => 1.0 / (1.0 + Math.Pow(2, -log2Odds));

    /// <summary>
    /// Sets each customer profile's frequency classes from this model's tables, once, before scoring. Ranges of
    /// profiles go to the threads, each with its own memo of the values it has seen: a class depends on its value
    /// only, so which thread works it out changes nothing.
    /// </summary>
    public void ApplyTermFrequencies(IdentityProfile[] customers, ParallelOptions? parallel = null)
    {
        Parallel.ForEach(Partitioner.Create(0, customers.Length, 1 << 16), parallel ?? new ParallelOptions(),
            () => new ExactWeightMemo(),
            (range, _, memo) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    customers[i].ExactClasses = memo.Of(this, customers[i]);
                }

                return memo;
            },
            static _ => { });
    }

    // Names and dates of birth repeat across profiles: each distinct value's class is looked up once a thread.
    private sealed class ExactWeightMemo
    {
        private readonly Dictionary<string, ushort> surnames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ushort> forenames = new(StringComparer.Ordinal);
        private readonly Dictionary<int, ushort> dates = [];

        public ExactWeightClasses Of(MatchModel model, in IdentityProfile p)
        {
            ref var surname = ref CollectionsMarshal.GetValueRefOrAddDefault(surnames, p.Surname, out var known);
            if (!known)
            {
                surname = model.Surnames.ClassOf(p.Surname);
            }

            ref var forename = ref CollectionsMarshal.GetValueRefOrAddDefault(forenames, p.Forename, out known);
            if (!known)
            {
                forename = model.Forenames.ClassOf(p.Forename);
            }

            ref var date = ref CollectionsMarshal.GetValueRefOrAddDefault(dates, p.DobYmd, out known);
            if (!known)
            {
                date = model.DatesOfBirth.ClassOf(DateKey(p.DobYmd));
            }

            return new ExactWeightClasses(surname, forename, date);
        }
    }

    public static string DateKey(int dobYmd) => dobYmd == IdentityProfile.NoDate ? "" : dobYmd.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The weight of a level without term frequencies, as among strangers.</summary>
    public double Weight(MatchField field, byte level) => level == L.Missing ? 0 : weights[(int)field][level];

    /// <summary>The weight one field contributes to a pair whose surname comparison is known.</summary>
    public double FieldWeight(MatchField field, byte level, in IdentityProfile customer, bool surnameAgrees)
    {
        if (level == L.Missing)
        {
            return 0;
        }

        if (level == L.Exact)
        {
            switch (field)
            {
                case MatchField.Surname:
                    return exactSurname[customer.ExactClasses.Surname];
                case MatchField.Forenames:
                    return (surnameAgrees ? exactForenameGivenSurname : exactForename)[customer.ExactClasses.Forename];
                case MatchField.DateOfBirth:
                    return (surnameAgrees ? exactDateOfBirthGivenSurname : exactDateOfBirth)[customer.ExactClasses.DateOfBirth];
            }
        }

        return (surnameAgrees ? weightsGivenSurname : weights)[(int)field][level];
    }

    public double TotalLog2Odds(in ComparisonVector v, in IdentityProfile customer)
    {
        var surnameAgrees = SurnameAgrees(v.Surname);
        var total = PriorLog2Odds;
        for (var f = 0; f < L.FieldCount; f++)
        {
            total += FieldWeight((MatchField)f, v[(MatchField)f], customer, surnameAgrees);
        }

        return total + HouseholdCorrection(v);
    }

    // The exact-agreement weight of each frequency class of a field; class 0 (never looked up) weighs nothing.
    private double[] ExactWeights(MatchField field, TermFrequencies frequencies, bool givenSurname)
    {
        var byClass = new double[frequencies.Classes];
        for (var c = 1; c < byClass.Length; c++)
        {
            byClass[c] = ExactWeight(field, frequencies.FrequencyOfClass(c), givenSurname);
        }

        return byClass;
    }

    private double ExactWeight(MatchField field, double frequency, bool givenSurname)
    {
        var f = (int)field;
        var (m, u) = (M[f][L.Exact], (givenSurname ? UGivenSurname : U)[f][L.Exact]);
        if (frequency <= 0)
        {
            return Math.Log2(m / u);
        }

        // A value's frequency stands in for u, never below a thousandth of the average u. Among relatives the value is
        // shared for two reasons that add up: by chance, as among strangers (its frequency), and by the relation itself —
        // twins share a date of birth whichever date it is, so that part does not shrink with a rare date. The relation's
        // part is the excess of the same-surname rate over the strangers' rate; a placeholder date shared by thousands
        // stays weak, and an ordinary date no longer lets a twin outscore the person.
        var sharedByRelation = givenSurname ? Math.Max(0, u - U[f][L.Exact]) : 0;
        return Math.Log2(m / Math.Max(frequency + sharedByRelation, U[f][L.Exact] / 1000));
    }

    /// <summary>
    /// A swap is one event seen from two fields: the surname's "swapped" level already carries its whole weight (its m
    /// and u are of the swap itself), and given that, the forename is swapped with certainty among matches and
    /// non-matches alike — a Bayes factor of 1. Counting it twice would double the evidence of every swap.
    /// </summary>
    private static bool IsImpliedBySurname(int field, int level) => field == (int)MatchField.Forenames && level == L.Forenames.Swapped;

    private static double[][] Weights(double[][] m, double[][] u)
    {
        var w = new double[L.FieldCount][];
        for (var f = 0; f < L.FieldCount; f++)
        {
            w[f] = new double[m[f].Length];
            for (var l = 0; l < m[f].Length; l++)
            {
                w[f][l] = IsImpliedBySurname(f, l) ? 0 : Math.Log2(m[f][l] / u[f][l]);
            }
        }

        return w;
    }
}
