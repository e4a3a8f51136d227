using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>An HMRC employment linked to a customer (SPEC §3), with the evidence for the link.</summary>
public sealed record IdentityLink(
    HmrcEmployment Employment,
    RecordId CustomerId,
    MatchPass Pass,
    double Score,
    LinkEvidence Evidence)
{
    /// <summary>
    /// The customer's index in the matcher's customer table, or -1 for a link made elsewhere: attribution then finds
    /// the customer's spells by position instead of hashing a million customer ids a second time.
    /// </summary>
    internal int Customer { get; init; } = -1;
}
