using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Export;

/// <summary>Everything the export files of SPEC §6 are written from.</summary>
/// <param name="AsOf">The data's as-of date, reported in <c>summary.json</c> (null writes null).</param>
public sealed record ExportSet(
    IReadOnlyList<JobOutcome> Outcomes,
    IReadOnlyList<ReviewCase> Reviews,
    IReadOnlyList<Referral> Referrals,
    IReadOnlyList<Reject> Rejects,
    IReadOnlyList<FileIngestCounts> FileCounts,
    AttributionResult Attribution,
    MatchResult Match,
    DateOnly? AsOf = null)
{
    /// <summary>The exports of one run over a dataset read by <see cref="DatasetReader"/>.</summary>
    public static ExportSet From(IngestedDataset dataset, RunResult result) => new(
        result.Attribution.Outcomes,
        result.Match.Reviews,
        result.Attribution.Referrals,
        dataset.Rejects,
        dataset.FileCounts,
        result.Attribution,
        result.Match,
        result.AsOf);

    public RunSummary Summary() => RunSummary.Compute(FileCounts, Rejects.Count, Match, Attribution, AsOf);
}
