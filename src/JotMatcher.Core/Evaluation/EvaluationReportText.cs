using System.Globalization;
using System.Text;
using JotMatcher.Core.Matching;

namespace JotMatcher.Core.Evaluation;

/// <summary>The report as the console shows it: ids and counts only, fixed decimals, invariant culture.</summary>
public static class EvaluationReportText
{
    public static string Format(EvaluationReport report)
    {
        var s = new StringBuilder();
        Line(s, $"{"links",-16}{"made",10}{"correct",10}{"precision",11}{"recall",9}{"F1",9}");
        Score(s, "overall", report.Overall);
        foreach (var p in report.ByPass)
        {
            Score(s, p.Pass.ToExportName(), p.Score);
        }

        Line(s, $"true pairs {report.Overall.TruePairs}: missed {report.Overall.FalseNegatives} (in review {report.TruePairsInReview}, not in the data {report.TruthRowsNotInData}); wrong links {report.Overall.FalsePositives}");
        Line(s, $"spell of correct links: truth's spell {report.Spells.SameSpell}, another spell of the same customer {report.Spells.OtherSpell}");
        Line(s, $"blocking recall {report.BlockingRecall:F4}");
        Line(s, $"candidate pairs by blocking rule:");
        foreach (var (rule, pairs) in report.CandidatePairsByBlockingRule)
        {
            Line(s, $"  {rule,-36}{pairs,14}");
        }

        if (report.Points is { } points)
        {
            Line(s, $"outcomes: expected {points.TruthOutcomes}, correctly linked {points.CorrectlyLinked}, missed {points.Missed}, extra {points.Extra}");
            Line(s, $"points exactly right {points.PointsExact} of {points.CorrectlyLinked} ({points.PointsExactShare:P3})");
        }

        return s.ToString();
    }

    private static void Score(StringBuilder s, string name, LinkScore score)
        => Line(s, $"{name,-16}{score.Links,10}{score.Correct,10}{score.Precision,11:F4}{score.Recall,9:F4}{score.F1,9:F4}");

    private static void Line(StringBuilder s, FormattableString line) => s.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
