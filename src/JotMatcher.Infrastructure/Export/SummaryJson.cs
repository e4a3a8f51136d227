using System.Text.Json;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;

namespace JotMatcher.Infrastructure.Export;

/// <summary>
/// summary.json, written key by key with <see cref="Utf8JsonWriter"/> so the key order is fixed by this code
/// and the bytes never depend on a serializer's reflection order or a dictionary's enumeration order.
/// </summary>
internal static class SummaryJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes the file under its temporary name; the caller moves it into place.</summary>
    public static WrittenFile Write(string path, RunSummary s)
    {
        var file = WrittenFile.For(path);
        using (var stream = File.Create(file.TemporaryPath))
        {
            using (var json = new Utf8JsonWriter(stream, Options))
            {
                WriteSummary(json, s);
            }

            stream.WriteByte((byte)'\n');
        }

        return file;
    }

    private static void WriteSummary(Utf8JsonWriter json, RunSummary s)
    {
        json.WriteStartObject();
        json.WriteStartArray("input_files");
        foreach (var f in s.InputFiles)
        {
            json.WriteStartObject();
            json.WriteString("name", f.File);
            json.WriteString("kind", f.Kind == InputKind.Claims ? "claims" : "hmrc");
            json.WriteString("sha256", f.Sha256);
            json.WriteNumber("rows_read", f.RowsRead);
            json.WriteNumber("accepted", f.Accepted);
            json.WriteNumber("rejected", f.Rejected);
            json.WriteNumber("warnings", f.Warnings);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("totals");
        json.WriteNumber("rows_read", s.Totals.RowsRead);
        json.WriteNumber("accepted", s.Totals.Accepted);
        json.WriteNumber("rejected", s.Totals.Rejected);
        json.WriteNumber("warnings", s.Totals.Warnings);
        json.WriteEndObject();

        json.WriteNumber("rejects", s.Rejects);

        json.WriteStartObject("matches");
        json.WriteNumber("deterministic", s.Matches.Deterministic);
        json.WriteNumber("fuzzy_nino", s.Matches.FuzzyNino);
        json.WriteNumber("probabilistic", s.Matches.Probabilistic);
        json.WriteEndObject();

        json.WriteStartObject("candidate_pairs");
        foreach (var (rule, pairs) in s.CandidatePairsByBlockingRule)
        {
            json.WriteNumber(rule, pairs);
        }

        json.WriteEndObject();

        json.WriteNumber("outcomes", s.Outcomes);
        json.WriteNumber("matched_not_credited", s.MatchedNotCredited);
        json.WriteNumber("matched_no_outcome", s.MatchedNoOutcome);
        json.WriteNumber("review_cases", s.ReviewCases);
        json.WriteNumber("referrals", s.Referrals);

        json.WriteStartObject("points");
        for (var group = 1; group <= s.PointsByGroup.Count; group++)
        {
            json.WriteNumber($"group_{group}", s.PointsByGroup[group - 1]);
        }

        json.WriteNumber("total", s.TotalPoints);
        json.WriteEndObject();

        json.WriteNumber("sustain_pending", s.SustainPending);
        if (s.AsOf is { } asOf)
        {
            json.WriteString("as_of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("as_of");
        }

        json.WriteEndObject();
    }
}
