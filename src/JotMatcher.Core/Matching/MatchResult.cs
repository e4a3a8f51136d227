namespace JotMatcher.Core.Matching;

/// <summary>What the identity matcher found: one link at most per HMRC record, review cases, and diagnostics.</summary>
public sealed record MatchResult(
    IReadOnlyList<IdentityLink> Links,
    IReadOnlyList<ReviewCase> Reviews,
    MatchDiagnostics Diagnostics);

/// <summary>
/// Counts for the run summary and the fitted model, serialised, so a replay can use exactly the same weights.
/// Dictionaries are keyed by stable names and written in ordinal key order.
/// </summary>
public sealed record MatchDiagnostics(
    IReadOnlyDictionary<string, long> CandidatePairsByBlockingRule,
    string ModelJson)
{
    public static MatchDiagnostics Empty { get; } = new(new SortedDictionary<string, long>(StringComparer.Ordinal), "{}");
}
