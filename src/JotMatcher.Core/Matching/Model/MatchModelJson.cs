using System.Globalization;
using System.Text;
using System.Text.Json;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching.Model;

/// <summary>
/// The model file (<c>model.json</c>): deterministic JSON — fixed key order, indented, LF, doubles in shortest
/// round-trip form — holding every number a weight depends on. The thresholds the run used are recorded beside the
/// weights for the reader; a replay takes its thresholds from configuration.
/// </summary>
internal static class MatchModelJson
{
    public const int FormatVersion = 4;

    public static string Write(MatchModel model, MatchingSettings settings)
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
            w.WriteNumber("prior_log2_odds", model.PriorLog2Odds);
            w.WriteNumber("match_share", model.MatchShare);
            w.WriteNumber("household_bits", model.HouseholdBits);
            w.WriteNumber("namesake_household_bits", model.NamesakeBits);
            w.WriteStartObject("fields");
            for (var f = 0; f < L.FieldCount; f++)
            {
                w.WriteStartObject(L.FieldNames[f]);
                for (var l = 0; l < model.M[f].Length; l++)
                {
                    w.WriteStartObject(L.LevelNames[f][l]);
                    w.WriteNumber("m", model.M[f][l]);
                    w.WriteNumber("u", model.U[f][l]);
                    w.WriteNumber("u_given_surname", model.UGivenSurname[f][l]);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("term_frequencies");
            model.Surnames.Write(w, "surname");
            model.Forenames.Write(w, "forenames");
            model.DatesOfBirth.Write(w, "date_of_birth");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a model written by <see cref="Write"/>; anything missing or of another version is a <see cref="FormatException"/>.</summary>
    public static MatchModel Read(string json)
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
            var uGivenSurname = new double[L.FieldCount][];
            for (var f = 0; f < L.FieldCount; f++)
            {
                var field = fields.GetProperty(L.FieldNames[f]);
                var names = L.LevelNames[f];
                (m[f], u[f], uGivenSurname[f]) = (new double[names.Length], new double[names.Length], new double[names.Length]);
                for (var l = 0; l < names.Length; l++)
                {
                    var level = field.GetProperty(names[l]);
                    m[f][l] = level.GetProperty("m").GetDouble();
                    u[f][l] = level.GetProperty("u").GetDouble();
                    uGivenSurname[f][l] = level.GetProperty("u_given_surname").GetDouble();
                }
            }

            var tf = root.GetProperty("term_frequencies");
            return new MatchModel(root.GetProperty("prior_log2_odds").GetDouble(), root.GetProperty("match_share").GetDouble(), m, u, uGivenSurname,
                root.GetProperty("household_bits").GetDouble(), root.GetProperty("namesake_household_bits").GetDouble(),
                TermFrequencies.Read(tf.GetProperty("surname")), TermFrequencies.Read(tf.GetProperty("forenames")),
                TermFrequencies.Read(tf.GetProperty("date_of_birth")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("the match model file is not a valid model: " + e.GetType().Name, e);
        }
    }
}
