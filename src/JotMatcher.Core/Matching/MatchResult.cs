namespace JotMatcher.Core.Matching;

/// <summary>What the identity matcher found: one link at most per HMRC record, review cases, and diagnostics.</summary>
public sealed record MatchResult(
    IReadOnlyList<IdentityLink> Links,
    IReadOnlyList<ReviewCase> Reviews,
    MatchDiagnostics Diagnostics)
{
    /// <summary>
    /// The claims the links point into, grouped by the customer index each link carries (<see cref="IdentityLink.Customer"/>);
    /// null for a result made elsewhere. Only the spells are kept, not the matcher's profiles, which are garbage once
    /// matching ends.
    /// </summary>
    internal Attribution.CustomerSpells? SpellsByCustomer { get; init; }
}

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
