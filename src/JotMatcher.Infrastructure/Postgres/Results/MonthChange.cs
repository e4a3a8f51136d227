namespace JotMatcher.Infrastructure.Postgres.Results;

/// <summary>
/// What a month's replacement changed, for one district and priority group: outcomes gained and lost, points
/// gained and lost. An outcome kept with different points counts its difference as points gained or lost; one that
/// moved to another district or group is lost from the old and gained in the new.
/// </summary>
public sealed record MonthChange(
    string Month,
    string DistrictCode,
    int PriorityGroup,
    long OutcomesGained,
    long OutcomesLost,
    long PointsGained,
    long PointsLost);

/// <summary>
/// A month replaced by a run: whether it had results before, its totals now, the outcome changes by district and
/// group, and the review cases and referrals before and after.
/// </summary>
public sealed record MonthReplacement(
    string Month,
    bool FirstRun,
    long Outcomes,
    long Points,
    IReadOnlyList<MonthChange> Changes,
    long PreviousReviewCases,
    long ReviewCases,
    long PreviousReferrals,
    long Referrals)
{
    /// <summary>The month had results before and they are the same now.</summary>
    public bool Unchanged => !FirstRun && Changes.Count == 0 && PreviousReviewCases == ReviewCases && PreviousReferrals == Referrals;
}
