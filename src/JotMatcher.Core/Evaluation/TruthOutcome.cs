using JotMatcher.Core.Records;

namespace JotMatcher.Core.Evaluation;

/// <summary>
/// One row of a dataset's <c>truth-outcomes.csv</c>: the outcome a perfect matcher would produce for an HMRC record,
/// with the points it should earn.
/// </summary>
public sealed record TruthOutcome(RecordId HmrcId, RecordId ClaimId, int PriorityGroup, int TotalPoints, bool SustainPending);
