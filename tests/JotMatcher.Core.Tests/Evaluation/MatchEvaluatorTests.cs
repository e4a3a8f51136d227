using JotMatcher.Core.Attribution;
using JotMatcher.Core.Evaluation;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Points;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;
using static JotMatcher.Core.Tests.Points.RecordFactory;

namespace JotMatcher.Core.Tests.Evaluation;

/// <summary>The figures <c>jot evaluate</c> prints, on small hand-made runs whose right answers can be counted.</summary>
public sealed class MatchEvaluatorTests
{
    // Customers C1 (spells S1, S1b), C2 (S2), C3 (S3), C4 (S4); HMRC records H1..H5.
    private static readonly ClaimSpell[] Claims =
    [
        Spell("S1", "2007-01-01", "2007-03-31", customerId: "C1"),
        Spell("S1b", "2007-05-01", "2007-06-30", customerId: "C1"),
        Spell("S2", "2007-01-01", "2007-06-30", customerId: "C2"),
        Spell("S3", "2007-01-01", "2007-06-30", customerId: "C3"),
        Spell("S4", "2007-01-01", "2007-06-30", customerId: "C4"),
    ];

    private static readonly HmrcEmployment[] Employments = [.. new[] { "H1", "H2", "H3", "H4", "H5" }.Select(Job)];

    private static readonly TruthPair[] Truth =
    [
        new("H1", "S1"),  // linked deterministically to C1, attributed to S1b: right customer, other spell
        new("H2", "S2"),  // linked by fuzzy NINo to C2: right
        new("H3", "S3"),  // linked probabilistically to C4: wrong
        new("H4", "S4"),  // not linked, in review with C4
        new("H5", "S9"),  // S9 is not in the data
    ];

    [Test]
    public void Precision_recall_and_f1_are_counted_at_the_customer_level()
    {
        var report = MatchEvaluator.Evaluate(Claims, Employments, Run(), Truth);
        Assert.That((report.Overall.Links, report.Overall.Correct, report.Overall.TruePairs), Is.EqualTo((3L, 2L, 5L)));
        Assert.That(report.Overall.Precision, Is.EqualTo(2 / 3.0).Within(1e-12));
        Assert.That(report.Overall.Recall, Is.EqualTo(2 / 5.0).Within(1e-12));
        Assert.That(report.Overall.F1, Is.EqualTo(2 * (2 / 3.0) * 0.4 / ((2 / 3.0) + 0.4)).Within(1e-12));
    }

    [Test]
    public void Each_pass_is_scored_on_its_own_links_against_all_true_pairs()
    {
        var report = MatchEvaluator.Evaluate(Claims, Employments, Run(), Truth);
        Assert.That(report.ByPass.Select(p => (p.Pass, p.Score.Links, p.Score.Correct, p.Score.TruePairs)), Is.EqualTo(new[]
        {
            (MatchPass.Deterministic, 1L, 1L, 5L),
            (MatchPass.FuzzyNino, 1L, 1L, 5L),
            (MatchPass.Probabilistic, 1L, 0L, 5L),
        }));
    }

    [Test]
    public void A_link_to_the_right_customer_through_another_spell_is_correct_and_counted_apart()
    {
        var report = MatchEvaluator.Evaluate(Claims, Employments, Run(), Truth);
        Assert.That(report.Spells, Is.EqualTo(new SpellAgreement(SameSpell: 1, OtherSpell: 1)));
    }

    [Test]
    public void Missed_pairs_in_review_and_truth_rows_outside_the_data_are_reported()
    {
        var report = MatchEvaluator.Evaluate(Claims, Employments, Run(), Truth);
        Assert.That((report.TruePairsInReview, report.TruthRowsNotInData, report.Overall.FalseNegatives), Is.EqualTo((1L, 1L, 3L)));
        Assert.That(MatchEvaluator.Discrepancies(Claims, Employments, Run(), Truth).Select(d => (d.HmrcId, d.Kind)), Is.EqualTo(new[]
        {
            ("H3", "missed"), ("H3", "wrong_link"), ("H4", "missed_in_review"), ("H5", "not_in_data"),
        }));
    }

    [Test]
    public void Points_are_exactly_right_only_when_group_total_and_pending_flag_all_agree()
    {
        TruthOutcome[] expected =
        [
            new("H1", "S1b", 3, 4, false),  // our outcome: group 3, 4 points, not pending — exact
            new("H2", "S2", 3, 5, false),   // our outcome has 4 points — not exact
            new("H3", "S3", 3, 4, false),   // our outcome went to S4 — not correctly linked
            new("H4", "S4", 3, 4, true),    // no outcome of ours — missed
        ];
        var points = MatchEvaluator.Evaluate(Claims, Employments, Run(), Truth, expected).Points!.Value;
        Assert.That(points, Is.EqualTo(new PointsAccuracy(TruthOutcomes: 4, CorrectlyLinked: 2, PointsExact: 1, Missed: 2, Extra: 1)));
        Assert.That(points.PointsExactShare, Is.EqualTo(0.5));
    }

    [Test]
    public void Nothing_linked_and_nothing_true_scores_perfectly_rather_than_dividing_by_zero()
    {
        var score = new LinkScore(0, 0, 0);
        Assert.That((score.Precision, score.Recall, score.F1), Is.EqualTo((1.0, 1.0, 1.0)));
        Assert.That(new LinkScore(0, 0, 10).F1, Is.Zero);
    }

    [Test]
    public void The_printed_report_carries_the_figures_with_four_decimals()
    {
        var text = EvaluationReportText.Format(MatchEvaluator.Evaluate(Claims, Employments, Run(), Truth));
        Assert.That(text, Does.Contain("overall                  3         2     0.6667   0.4000   0.5000"));
        Assert.That(text, Does.Contain("probabilistic            1         0     0.0000   0.0000   0.0000"));
        Assert.That(text, Does.Contain("another spell of the same customer 1"));
    }

    private static HmrcEmployment Job(string id) => new() { HmrcId = id, EmploymentStart = Day("2007-07-01") };

    private static RunResult Run()
    {
        var h = Employments.ToDictionary(e => e.HmrcId);
        IdentityLink Linked(string hmrc, string customer, MatchPass pass) => new(h[hmrc], customer, pass, 1, []);
        var l1 = Linked("H1", "C1", MatchPass.Deterministic);
        var l2 = Linked("H2", "C2", MatchPass.FuzzyNino);
        var l3 = Linked("H3", "C4", MatchPass.Probabilistic);
        var award = new PointsAward(PriorityGroup.Group3, 4, 0, false, 0, 0, "2007-08");
        var match = new MatchResult([l1, l2, l3], [new ReviewCase(h["H4"], "S4", "C4", "review_band", MatchPass.Probabilistic, 0.7, [])], MatchDiagnostics.Empty);
        var attribution = new AttributionResult(
            [new JobOutcome(l1, Claims[1], award), new JobOutcome(l2, Claims[2], award), new JobOutcome(l3, Claims[4], award)],
            [], [], []);
        return new RunResult(match, attribution, Day("2008-01-01"));
    }
}
