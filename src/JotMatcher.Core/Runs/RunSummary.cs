using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Points;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Runs;

/// <summary>
/// The counts a run reports (SPEC §6 <c>summary.json</c>, and the console summary): input reconciliation, matches
/// per pass, where every link ended, and points per priority group. Computed purely, so a sink only formats it.
/// </summary>
public sealed record RunSummary(
    IReadOnlyList<FileIngestCounts> InputFiles,
    FileTotals Totals,
    int Rejects,
    PassCounts Matches,
    IReadOnlyList<KeyValuePair<string, long>> CandidatePairsByBlockingRule,
    int Outcomes,
    int MatchedNotCredited,
    int MatchedNoOutcome,
    int ReviewCases,
    int Referrals,
    IReadOnlyList<int> PointsByGroup,
    int TotalPoints,
    int SustainPending,
    DateOnly? AsOf)
{
    public static RunSummary Compute(
        IReadOnlyList<FileIngestCounts> files,
        int rejects,
        MatchResult match,
        AttributionResult attribution,
        DateOnly? asOf)
    {
        var ordered = files.ToArray();
        Array.Sort(ordered, static (a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.File, b.File));

        var rules = match.Diagnostics.CandidatePairsByBlockingRule.ToArray();
        Array.Sort(rules, static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        var points = new int[5];
        var total = 0;
        var pending = 0;
        foreach (var outcome in attribution.Outcomes)
        {
            points[(int)outcome.Points.Group - 1] += outcome.Points.TotalPoints;
            total += outcome.Points.TotalPoints;
            pending += outcome.Points.SustainPending ? 1 : 0;
        }

        return new RunSummary(
            ordered,
            FileTotals.Of(ordered),
            rejects,
            PassCounts.Of(match.Links),
            rules,
            attribution.Outcomes.Count,
            attribution.MatchedNotCredited.Count,
            attribution.MatchedNoOutcome.Count,
            match.Reviews.Count,
            attribution.Referrals.Count,
            points,
            total,
            pending,
            asOf);
    }

    /// <summary>Points of <paramref name="group"/> (1–5).</summary>
    public int PointsOf(PriorityGroup group) => PointsByGroup[(int)group - 1];
}
