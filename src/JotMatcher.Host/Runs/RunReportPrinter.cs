using System.Globalization;
using JotMatcher.Infrastructure.Postgres.Results;
using JotMatcher.Infrastructure.Postgres.Staging;

namespace JotMatcher.Host.Runs;

/// <summary>The console account of a run: files staged, the summary, and per month what changed since its previous run.</summary>
internal static class RunReportPrinter
{
    public static void Print(TextWriter output, RunReport report, string kind)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine(Invariant($"run {report.RunId} ({kind})"));
        foreach (var file in report.Staging.Files)
        {
            var c = file.Counts;
            var what = file.Action switch
            {
                StagingAction.Staged => Invariant($"staged {Path(file)}: {c.RowsRead} rows, {c.Accepted} accepted, {c.Rejected} rejected"),
                StagingAction.NewVersion => Invariant($"staged {Path(file)} as version {file.Version} (the file changed; it replaces version {file.Version - 1}): {c.RowsRead} rows, {c.Accepted} accepted, {c.Rejected} rejected"),
                _ => Invariant($"unchanged {Path(file)} (already staged as version {file.Version}; nothing added)"),
            };
            output.WriteLine("  " + what);
        }

        var s = report.Summary;
        output.WriteLine(Invariant(
            $"summary: {s.Totals.RowsRead} rows staged in all, {s.Rejects} rejected; matches {s.Matches.Deterministic} deterministic, {s.Matches.FuzzyNino} fuzzy_nino, {s.Matches.Probabilistic} probabilistic; ")
            + Invariant($"{s.Outcomes} outcomes, {s.ReviewCases} review cases, {s.Referrals} referrals, {s.TotalPoints} points"));
        if (report.Attempts > 1)
        {
            output.WriteLine(Invariant($"database: succeeded after {report.Attempts} attempts (transient failures retried)"));
        }

        foreach (var month in report.Months)
        {
            PrintMonth(output, month);
        }

        if (report.NewRejects > 0)
        {
            output.WriteLine(Invariant($"rejected: {report.NewRejects} rows or files of the files staged now (see jot.staged_reject, or run with --out for rejects.csv)"));
        }
    }

    private static void PrintMonth(TextWriter output, MonthReplacement m)
    {
        var totals = Invariant($"{m.Outcomes} outcomes, {m.Points} points, {m.ReviewCases} review cases, {m.Referrals} referrals");
        if (m.FirstRun)
        {
            output.WriteLine($"month {m.Month}: first run: {totals}");
            return;
        }

        if (m.Unchanged)
        {
            output.WriteLine($"month {m.Month}: no change since its previous run ({totals})");
            return;
        }

        output.WriteLine($"month {m.Month}: changed since its previous run: {totals}");
        if (m.ReviewCases != m.PreviousReviewCases || m.Referrals != m.PreviousReferrals)
        {
            output.WriteLine(Invariant($"  review cases {m.PreviousReviewCases} -> {m.ReviewCases}, referrals {m.PreviousReferrals} -> {m.Referrals}"));
        }

        if (m.Changes.Count == 0)
        {
            return;
        }

        output.WriteLine("  district   group  outcomes gained  lost  points gained  lost");
        foreach (var c in m.Changes)
        {
            output.WriteLine(Invariant($"  {c.DistrictCode,-10} {c.PriorityGroup,5}  {c.OutcomesGained,15}  {c.OutcomesLost,4}  {c.PointsGained,13}  {c.PointsLost,4}"));
        }

        output.WriteLine(Invariant(
            $"  total: outcomes +{m.Changes.Sum(c => c.OutcomesGained)} -{m.Changes.Sum(c => c.OutcomesLost)}, points +{m.Changes.Sum(c => c.PointsGained)} -{m.Changes.Sum(c => c.PointsLost)}"));
    }

    private static string Path(StagedFile file) => (file.Kind == JotMatcher.Core.Records.InputKind.Claims ? "claims/" : "hmrc/") + file.Name;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
