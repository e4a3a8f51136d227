using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Export;

/// <summary>Everything the export files of SPEC §6 are written from.</summary>
public sealed record ExportSet(
    IReadOnlyList<JobOutcome> Outcomes,
    IReadOnlyList<ReviewCase> Reviews,
    IReadOnlyList<Referral> Referrals,
    IReadOnlyList<Reject> Rejects,
    IReadOnlyList<FileIngestCounts> FileCounts,
    AttributionResult Attribution,
    MatchResult Match);
