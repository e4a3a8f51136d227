using System.Globalization;
using System.Text.Json;
using JotMatcher.Core.Synthetic;

namespace JotMatcher.Infrastructure.Synthetic;

/// <summary>
/// The dataset's <c>manifest.json</c>: the as-of date the program reads, a description, and a <c>generator</c>
/// object the program ignores — options, counts, and for each kind of noise on each side how often it was applied
/// among how many chances, beside the configured rate.
/// </summary>
internal static class SyntheticManifest
{
    public static void Write(string path, SyntheticDatasetSummary summary)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var options = summary.Options;
        json.WriteStartObject();
        json.WriteString("as_of", options.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("description", string.Create(CultureInfo.InvariantCulture,
            $"Synthetic dataset: {options.People} people, seed {options.Seed}, noise scale {options.NoiseScale:0.###}{(summary.LegacyFormat ? ", legacy extract format" : "")}. Truth in truth.csv and truth-outcomes.csv."));
        json.WriteStartObject("generator");
        json.WriteNumber("people", options.People);
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("noise_scale", options.NoiseScale);
        json.WriteBoolean("legacy_format", summary.LegacyFormat);
        json.WriteNumber("customers", summary.Customers);
        json.WriteNumber("claims_rows", summary.ClaimRows);
        json.WriteNumber("hmrc_rows", summary.HmrcRows);
        json.WriteNumber("true_pairs", summary.TruePairs);
        json.WriteNumber("true_outcomes", summary.TrueOutcomes);
        json.WriteNumber("intended_rejects", summary.IntendedRejects);
        json.WriteStartObject("noise");
        foreach (var kind in NoiseRates.Kinds)
        {
            json.WriteStartObject(SnakeCase.Of(kind.ToString()));
            foreach (var side in new[] { NoiseSide.Claims, NoiseSide.Hmrc, NoiseSide.Population })
            {
                var eligible = summary.Noise.Eligible(kind, side);
                if (eligible == 0)
                {
                    continue;
                }

                json.WriteStartObject(SnakeCase.Of(side.ToString()));
                json.WriteNumber("rate", Math.Round(summary.Rates.Of(kind, side), 6));
                json.WriteNumber("applied", summary.Noise.Applied(kind, side));
                json.WriteNumber("eligible", eligible);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
