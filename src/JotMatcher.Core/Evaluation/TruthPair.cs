using JotMatcher.Core.Records;

namespace JotMatcher.Core.Evaluation;

/// <summary>One row of a truth file (SPEC §5): the HMRC record and the claim spell that are truly the same person.</summary>
public readonly record struct TruthPair(RecordId HmrcId, RecordId ClaimId);
