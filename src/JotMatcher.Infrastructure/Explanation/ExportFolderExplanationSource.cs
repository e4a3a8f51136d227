using System.Globalization;
using CsvHelper;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Explanation;

namespace JotMatcher.Infrastructure.Explanation;

/// <summary>
/// Reads one HMRC record's decisions back from an export folder (SPEC §6 files written by <c>replay</c> or
/// <c>run --out</c>): outcomes.csv, referrals.csv and review.csv for the decisions, evidence.csv for the weights.
/// The files are sorted by hmrc_id, so each read stops once past the record.
/// </summary>
public sealed class ExportFolderExplanationSource : IExplanationSource
{
    private readonly string folder;

    public ExportFolderExplanationSource(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "evidence.csv")))
        {
            throw new FileNotFoundException($"not an export folder (no evidence.csv): {folder}");
        }

        this.folder = folder;
    }

    public string RunDescription => "export folder " + folder;

    public IReadOnlyList<PairExplanation> Explain(string hmrcId)
    {
        var decisions = new List<(string ClaimId, string Decision, string? Pass, double? Score, string? Detail)>();
        foreach (var row in Rows("outcomes.csv", hmrcId, "claim_id", "match_method", "match_score", "priority_group", "total_points"))
        {
            decisions.Add((row[0], PairExplanation.Decisions.Outcome, row[1], Score(row[2]), $"priority group {row[3]}, {row[4]} points"));
        }

        foreach (var row in Rows("referrals.csv", hmrcId, "claim_id"))
        {
            decisions.Add((row[0], PairExplanation.Decisions.Referral, null, null, "employment while claiming"));
        }

        foreach (var row in Rows("review.csv", hmrcId, "claim_id", "reason", "match_score"))
        {
            decisions.Add((row[0], PairExplanation.Decisions.Review, null, Score(row[2]), "reason " + row[1]));
        }

        var evidence = new Dictionary<string, List<FieldEvidence>>(StringComparer.Ordinal);
        foreach (var row in Rows("evidence.csv", hmrcId, "claim_id", "field", "level", "weight"))
        {
            if (!evidence.TryGetValue(row[0], out var list))
            {
                evidence[row[0]] = list = [];
            }

            list.Add(new FieldEvidence(row[1], row[2], Score(row[3]) ?? 0));
        }

        decisions.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.ClaimId, b.ClaimId);
            return c != 0 ? c : string.CompareOrdinal(a.Decision, b.Decision);
        });
        return [.. decisions.Select(d => new PairExplanation(hmrcId, d.ClaimId, d.Decision, d.Pass, d.Score, d.Detail,
            evidence.TryGetValue(d.ClaimId, out var e) ? e : []))];
    }

    /// <summary>The named columns of every row of <paramref name="file"/> whose hmrc_id is <paramref name="hmrcId"/>.</summary>
    private IEnumerable<string[]> Rows(string file, string hmrcId, params string[] columns)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            yield break;
        }

        using var csv = CsvReader.FromFile(path, new CsvReaderOptions
        {
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
            IncludeValuesInExceptions = false,
        });
        var id = Column(csv, file, "hmrc_id");
        var indexes = columns.Select(c => Column(csv, file, c)).ToArray();
        var seen = false;
        while (csv.Read())
        {
            if (!string.Equals(csv.GetString(id), hmrcId, StringComparison.Ordinal))
            {
                if (seen)
                {
                    yield break;
                }

                continue;
            }

            seen = true;
            yield return [.. indexes.Select(i => csv.GetString(i))];
        }
    }

    private static int Column(CsvReader csv, string file, string name)
        => csv.TryGetFieldIndex(name, out var index) ? index : throw new InvalidDataException($"{file}: missing column {name}");

    private static double? Score(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
