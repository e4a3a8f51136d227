using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>
/// A candidate pair a person must look at: a NINo shared by two people, a score in the review band,
/// or a tie between customers. <see cref="ClaimId"/> is the candidate customer's spell nearest the employment.
/// </summary>
public sealed record ReviewCase(
    HmrcEmployment Employment,
    RecordId ClaimId,
    RecordId CustomerId,
    string Reason,
    MatchPass Pass,
    double Score,
    LinkEvidence Evidence);
