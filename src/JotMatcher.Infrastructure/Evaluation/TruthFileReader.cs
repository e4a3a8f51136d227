using CsvHelper;
using JotMatcher.Core.Evaluation;
using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Evaluation;

/// <summary>
/// Reads the files that measure match quality: a truth file of true pairs (SPEC §5: <c>hmrc_id, claim_id</c>) and a
/// dataset's optional <c>truth-outcomes.csv</c>. Columns by name, any order and case. They hold ids and points only,
/// and a wrong one silently changes every figure, so an unreadable row stops the read naming file and line.
/// </summary>
public static class TruthFileReader
{
    public const string OutcomesFileName = "truth-outcomes.csv";

    public static IReadOnlyList<TruthPair> ReadPairs(string path)
    {
        var pairs = new List<TruthPair>();
        using var csv = Open(path);
        var hmrcId = RequireColumn(csv, path, "hmrc_id");
        var claimId = RequireColumn(csv, path, "claim_id");
        while (csv.Read())
        {
            pairs.Add(new TruthPair(RecordId.Of(RequireValue(csv, path, hmrcId, "hmrc_id")), RecordId.Of(RequireValue(csv, path, claimId, "claim_id"))));
        }

        return pairs;
    }

    /// <summary>The expected outcomes beside a dataset, or null when the dataset has no <c>truth-outcomes.csv</c>.</summary>
    public static IReadOnlyList<TruthOutcome>? ReadOutcomesIfPresent(string datasetDirectory)
    {
        var path = Path.Combine(datasetDirectory, OutcomesFileName);
        return File.Exists(path) ? ReadOutcomes(path) : null;
    }

    public static IReadOnlyList<TruthOutcome> ReadOutcomes(string path)
    {
        var outcomes = new List<TruthOutcome>();
        using var csv = Open(path);
        var hmrcId = RequireColumn(csv, path, "hmrc_id");
        var claimId = RequireColumn(csv, path, "claim_id");
        var group = RequireColumn(csv, path, "priority_group");
        var points = RequireColumn(csv, path, "total_points");
        var pending = RequireColumn(csv, path, "sustain_pending");
        while (csv.Read())
        {
            if (!csv.TryParse<int>(group, out var priorityGroup) || !csv.TryParse<int>(points, out var totalPoints))
            {
                throw Bad(path, csv.LineNumber, "priority_group or total_points: not a whole number");
            }

            var flag = csv.GetString(pending).Trim();
            if (flag is not ("Y" or "N" or "y" or "n" or ""))
            {
                throw Bad(path, csv.LineNumber, "sustain_pending: Y or N expected");
            }

            outcomes.Add(new TruthOutcome(
                RecordId.Of(RequireValue(csv, path, hmrcId, "hmrc_id")),
                RecordId.Of(RequireValue(csv, path, claimId, "claim_id")),
                priorityGroup,
                totalPoints,
                flag is "Y" or "y"));
        }

        return outcomes;
    }

    private static CsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"truth file not found: {path}");
        }

        return StrictCsvFile.Open(path);
    }

    private static int RequireColumn(CsvReader csv, string path, string name)
        => csv.TryGetFieldIndex(name, out var index) ? index : throw Bad(path, 1, $"missing required column {name}");

    private static string RequireValue(CsvReader csv, string path, int column, string name)
    {
        var value = csv.GetString(column).Trim();
        return value.Length > 0 ? value : throw Bad(path, csv.LineNumber, $"{name}: missing");
    }

    private static InvalidDataException Bad(string path, long line, string problem)
        => new($"{Path.GetFileName(path)} line {line}: {problem}");
}
