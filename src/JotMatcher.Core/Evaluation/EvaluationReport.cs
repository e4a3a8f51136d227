using JotMatcher.Core.Matching;

namespace JotMatcher.Core.Evaluation;

/// <summary>
/// What <c>jot evaluate</c> reports: link quality overall and per pass (at the identity level, see
/// <see cref="MatchEvaluator"/>), where true pairs were lost, the blocking recall and candidate pairs per rule,
/// and — when the dataset has expected outcomes — whether the points came out right.
/// </summary>
public sealed record EvaluationReport(
    LinkScore Overall,
    IReadOnlyList<PassScore> ByPass,
    SpellAgreement Spells,
    long TruePairsInReview,
    long TruthRowsNotInData,
    double BlockingRecall,
    IReadOnlyList<KeyValuePair<string, long>> CandidatePairsByBlockingRule,
    PointsAccuracy? Points);

/// <summary>One pass's links: precision among them, and the share of all true pairs they found.</summary>
public sealed record PassScore(MatchPass Pass, LinkScore Score);

/// <summary>
/// Of the correct identity links that attribution tied to a spell (an outcome or a referral), how many name the truth
/// file's spell and how many another spell of the same customer.
/// </summary>
public readonly record struct SpellAgreement(long SameSpell, long OtherSpell);

/// <summary>
/// Outcomes against <c>truth-outcomes.csv</c>: a correctly linked outcome has the true HMRC record and spell; its
/// points are exactly right when priority group, total points and the sustainment-pending flag all agree.
/// </summary>
public readonly record struct PointsAccuracy(long TruthOutcomes, long CorrectlyLinked, long PointsExact, long Missed, long Extra)
{
    /// <summary>Points exactly right over correctly linked outcomes; 1 when none were linked.</summary>
    public double PointsExactShare => CorrectlyLinked == 0 ? 1 : PointsExact / (double)CorrectlyLinked;
}
