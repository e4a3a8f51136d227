using JotMatcher.Core.Matching;

namespace JotMatcher.Core.Attribution;

/// <summary>
/// Every link ends in exactly one of: an outcome, a referral, matched in a window already credited
/// (an earlier employment took the spell), or matched with no outcome.
/// </summary>
public sealed record AttributionResult(
    IReadOnlyList<JobOutcome> Outcomes,
    IReadOnlyList<Referral> Referrals,
    IReadOnlyList<IdentityLink> MatchedNotCredited,
    IReadOnlyList<IdentityLink> MatchedNoOutcome);
