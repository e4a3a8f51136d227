using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>An HMRC employment linked to a customer (SPEC §3), with the evidence for the link.</summary>
public sealed record IdentityLink(
    HmrcEmployment Employment,
    string CustomerId,
    MatchPass Pass,
    double Score,
    IReadOnlyList<FieldEvidence> Evidence);
