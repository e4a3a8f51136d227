namespace JotMatcher.Core.Matching.Explanation;

/// <summary>
/// What a run decided about one HMRC record and one candidate spell, with the evidence behind it, as read back from
/// wherever the run was kept (an export folder, the database).
/// </summary>
/// <param name="Decision">outcome, referral or review.</param>
/// <param name="Pass">The pass that decided, when the source records it (referrals.csv does not).</param>
/// <param name="Score">The recorded match score, when the source records it.</param>
/// <param name="Detail">The review reason, or the outcome's points, for the reader.</param>
public sealed record PairExplanation(
    string HmrcId,
    string ClaimId,
    string Decision,
    string? Pass,
    double? Score,
    string? Detail,
    IReadOnlyList<FieldEvidence> Evidence)
{
    public static class Decisions
    {
        public const string Outcome = "outcome";
        public const string Referral = "referral";
        public const string Review = "review";
    }
}
