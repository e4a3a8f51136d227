using System.Globalization;
using System.Text;
using System.Text.Json;
using JotMatcher.Core.Matching.Comparison;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching.Model;

/// <summary>
/// The fitted Fellegi–Sunter model: per field and level the m probability (of the level among true matches) and
/// u probability (among non-matches), and the prior odds that a random HMRC × customer pair is a match.
/// A pair's match weight is the prior log2-odds plus each field's log2(m/u); exact surname and forename agreement
/// use the value's own frequency as u (term-frequency adjustment, <see cref="TermFrequencies"/>), so "smith" counts for
/// less than "szepessy". Everything a weight depends on is in the model file, so a replay with it scores identically.
/// </summary>
internal sealed class MatchModel
{
    public const int FormatVersion = 2;

    private readonly double[][] weights;

    public MatchModel(double priorLog2Odds, double[][] m, double[][] u, TermFrequencies surnames, TermFrequencies forenames)
    {
        PriorLog2Odds = priorLog2Odds;
        M = m;
        U = u;
        Surnames = surnames;
        Forenames = forenames;
        weights = new double[L.FieldCount][];
        for (var f = 0; f < L.FieldCount; f++)
        {
            weights[f] = new double[m[f].Length];
            for (var l = 0; l < m[f].Length; l++)
            {
                weights[f][l] = IsImpliedBySurname(f, l) ? 0 : Math.Log2(m[f][l] / u[f][l]);
            }
        }
    }

    public double PriorLog2Odds { get; }

    /// <summary>
    /// A swap is one event seen from two fields: the surname's "swapped" level already carries its whole weight (its m
    /// and u are of the swap itself), and given that, the forename is swapped with certainty among matches and
    /// non-matches alike — a Bayes factor of 1. Counting it twice would double the evidence of every swap.
    /// </summary>
    private static bool IsImpliedBySurname(int field, int level) => field == (int)MatchField.Forenames && level == L.Forenames.Swapped;

    public double[][] M { get; }

    public double[][] U { get; }

    public TermFrequencies Surnames { get; }

    public TermFrequencies Forenames { get; }

    /// <summary>Sets each customer profile's name frequencies from this model's tables, once, before scoring.</summary>
    public void ApplyTermFrequencies(IdentityProfile[] customers)
    {
        foreach (var p in customers)
        {
            p.SurnameFrequency = Surnames.FrequencyOf(p.Surname);
            p.ForenameFrequency = Forenames.FrequencyOf(p.Forename);
        }
    }

    public double Weight(MatchField field, byte level) => level == L.Missing ? 0 : weights[(int)field][level];

    /// <summary>The weight one field contributes to a pair, with the term-frequency adjustment for exact names.</summary>
    public double FieldWeight(MatchField field, byte level, IdentityProfile customer)
    {
        if (level == L.Exact)
        {
            if (field == MatchField.Surname && customer.SurnameFrequency > 0)
            {
                return Math.Log2(M[(int)field][L.Exact] / Math.Max(customer.SurnameFrequency, U[(int)field][L.Exact] / 1000));
            }

            if (field == MatchField.Forenames && customer.ForenameFrequency > 0)
            {
                return Math.Log2(M[(int)field][L.Exact] / Math.Max(customer.ForenameFrequency, U[(int)field][L.Exact] / 1000));
            }
        }

        return Weight(field, level);
    }

    public double TotalLog2Odds(in ComparisonVector v, IdentityProfile customer)
    {
        var total = PriorLog2Odds;
        for (var f = 0; f < L.FieldCount; f++)
        {
            total += FieldWeight((MatchField)f, v[(MatchField)f], customer);
        }

        return total;
    }

    public static double Probability(double log2Odds) => 1.0 / (1.0 + Math.Pow(2, -log2Odds));

    /// <summary>
    /// Deterministic JSON: fixed key order, indented, doubles in shortest round-trip form. The thresholds the run used
    /// are recorded beside the weights for the reader; a replay takes its thresholds from configuration.
    /// </summary>
    public string ToJson(MatchingSettings settings)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartObject("thresholds");
            w.WriteNumber("accept_probability", settings.AcceptThreshold);
            w.WriteNumber("review_probability", settings.ReviewThreshold);
            w.WriteNumber("near_tie_margin_bits", settings.NearTieMarginBits);
            w.WriteEndObject();
            w.WriteNumber("prior_log2_odds", PriorLog2Odds);
            w.WriteStartObject("fields");
            for (var f = 0; f < L.FieldCount; f++)
            {
                w.WriteStartObject(L.FieldNames[f]);
                for (var l = 0; l < M[f].Length; l++)
                {
                    w.WriteStartObject(L.LevelNames[f][l]);
                    w.WriteNumber("m", M[f][l]);
                    w.WriteNumber("u", U[f][l]);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("term_frequencies");
            Surnames.Write(w, "surname");
            Forenames.Write(w, "forenames");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>; a missing field or level is a <see cref="FormatException"/>.</summary>
    public static MatchModel FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var version = root.GetProperty("version").GetInt32();
            if (version != FormatVersion)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"match model version {version} is not supported (expected {FormatVersion})"));
            }

            var fields = root.GetProperty("fields");
            var m = new double[L.FieldCount][];
            var u = new double[L.FieldCount][];
            for (var f = 0; f < L.FieldCount; f++)
            {
                var field = fields.GetProperty(L.FieldNames[f]);
                var names = L.LevelNames[f];
                m[f] = new double[names.Length];
                u[f] = new double[names.Length];
                for (var l = 0; l < names.Length; l++)
                {
                    var level = field.GetProperty(names[l]);
                    m[f][l] = level.GetProperty("m").GetDouble();
                    u[f][l] = level.GetProperty("u").GetDouble();
                }
            }

            var tf = root.GetProperty("term_frequencies");
            return new MatchModel(root.GetProperty("prior_log2_odds").GetDouble(), m, u,
                TermFrequencies.Read(tf.GetProperty("surname")), TermFrequencies.Read(tf.GetProperty("forenames")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("the match model file is not a valid model: " + e.GetType().Name, e);
        }
    }
}
