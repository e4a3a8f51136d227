namespace JotMatcher.Core.Evaluation;

/// <summary>
/// One way a run departed from the truth, for an analyst to look up by id: a true pair not linked (missed, perhaps in
/// review) or a link to the wrong customer. Ids, pass and score only.
/// </summary>
public sealed record Discrepancy(
    string HmrcId,
    string Kind,
    string TrueClaimId,
    string TrueCustomerId,
    string LinkedCustomerId,
    string Pass,
    double Score)
{
    public static class Kinds
    {
        public const string Missed = "missed";
        public const string MissedInReview = "missed_in_review";
        public const string NotInData = "not_in_data";
        public const string WrongLink = "wrong_link";
    }
}
