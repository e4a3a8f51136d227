namespace JotMatcher.Core.Evaluation;

/// <summary>
/// One row of a dataset's <c>truth-outcomes.csv</c>: the outcome a perfect matcher would produce for an HMRC record,
/// with the points it should earn.
/// </summary>
public sealed record TruthOutcome(string HmrcId, string ClaimId, int PriorityGroup, int TotalPoints, bool SustainPending);
