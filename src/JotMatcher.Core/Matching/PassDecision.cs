namespace JotMatcher.Core.Matching;

/// <summary>
/// What a pass decided for one HMRC record: a link to the first candidate (<see cref="ReviewReason"/> null), or a
/// review case for every candidate listed, with the reason.
/// </summary>
internal sealed record PassDecision(MatchPass Pass, string? ReviewReason, Candidate[] Candidates)
{
    public static class Reasons
    {
        public const string NinoSharedByTwoPeople = "nino_shared_by_two_people";
        public const string Tie = "tie";
        public const string NearTie = "near_tie";
        public const string ReviewBand = "review_band";
    }

    public bool IsLink => ReviewReason is null;
}
