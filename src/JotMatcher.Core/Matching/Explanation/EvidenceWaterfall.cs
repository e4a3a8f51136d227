using System.Globalization;
using System.Text;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;

namespace JotMatcher.Core.Matching.Explanation;

/// <summary>
/// The evidence of one pair as a waterfall (Splink's chart, as text): the prior, then each field's comparison level
/// and weight in bits with the running total, ending in the match probability the weights give. Fields are shown in
/// the matcher's order, whatever order the source stored them in.
/// </summary>
public static class EvidenceWaterfall
{
    public sealed record Step(string Field, string Level, double Weight, double RunningTotal);

    public static IReadOnlyList<Step> Steps(IReadOnlyList<FieldEvidence> evidence)
    {
        var ordered = evidence.Select((e, i) => (e, i)).OrderBy(x => FieldOrder(x.e.Field)).ThenBy(x => x.i).Select(x => x.e);
        var total = 0.0;
        var steps = new List<Step>(evidence.Count);
        foreach (var e in ordered)
        {
            total += e.Weight;
            steps.Add(new Step(e.Field, e.Level, e.Weight, total));
        }

        return steps;
    }

    public static string Format(PairExplanation pair)
    {
        var s = new StringBuilder();
        var pass = pair.Pass ?? "-";
        var score = pair.Score is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-";
        Line(s, $"{pair.HmrcId} / {pair.ClaimId}: {pair.Decision}, pass {pass}, score {score}{(pair.Detail is null ? "" : ", " + pair.Detail)}");
        Line(s, $"  {"field",-14}{"level",-20}{"weight",10}{"total",10}");
        var steps = Steps(pair.Evidence);
        foreach (var step in steps)
        {
            Line(s, $"  {step.Field,-14}{step.Level,-20}{step.Weight,10:F4}{step.RunningTotal,10:F4}");
        }

        if (steps.Count > 0)
        {
            var bits = steps[^1].RunningTotal;
            Line(s, $"  match weight {bits:F4} bits: probability {MatchModel.Probability(bits):F4}");
        }
        else
        {
            Line(s, $"  (no evidence recorded)");
        }

        return s.ToString();
    }

    private static int FieldOrder(string field)
    {
        if (field == MatchEvidence.PriorField)
        {
            return -1;
        }

        var i = Array.IndexOf(ComparisonLevels.FieldNames, field);
        return i >= 0 ? i
            : field == MatchEvidence.HouseholdField ? ComparisonLevels.FieldNames.Length
            : field == MatchEvidence.MatchShareField ? ComparisonLevels.FieldNames.Length + 1
            : field == MatchEvidence.RivalsField ? ComparisonLevels.FieldNames.Length + 2
            : ComparisonLevels.FieldNames.Length + 3;
    }

    private static void Line(StringBuilder s, FormattableString line) => s.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
