using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Export;

/// <summary>
/// Writes outcomes.csv, evidence.csv, review.csv, referrals.csv, rejects.csv, summary.json (SPEC §6) and model.json
/// (the fitted match model, so a replay given it scores with exactly the same weights), every
/// CSV sorted ordinally by its first column then its second (rejects: file, then line as a number), so the same
/// run gives the same bytes.
/// </summary>
public static class ExportWriter
{
    public static void Write(string outDirectory, ExportSet exports)
    {
        Directory.CreateDirectory(outDirectory);
        WriteOutcomes(outDirectory, exports.Outcomes);
        WriteEvidence(outDirectory, exports);
        WriteReviews(outDirectory, exports.Reviews);
        WriteReferrals(outDirectory, exports.Referrals);
        WriteRejects(outDirectory, exports.Rejects);
        SummaryJson.Write(Path.Combine(outDirectory, "summary.json"), exports.Summary());
        WriteModel(outDirectory, exports.Match.Diagnostics.ModelJson);
    }

    /// <summary>The model as the matcher serialised it (deterministic bytes), moved into place like the CSV files.</summary>
    private static void WriteModel(string directory, string modelJson)
    {
        var path = Path.Combine(directory, "model.json");
        var temporary = Path.Combine(directory, ".model.json.tmp");
        File.WriteAllText(temporary, modelJson.EndsWith('\n') ? modelJson : modelJson + "\n", new System.Text.UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteOutcomes(string directory, IReadOnlyList<JobOutcome> outcomes)
    {
        var rows = outcomes.ToArray();
        Array.Sort(rows, static (a, b) => ComparePair(a.HmrcId, a.Spell.ClaimId, b.HmrcId, b.Spell.ClaimId));
        using var file = ExportFile.Create(directory, "outcomes.csv",
            "hmrc_id", "claim_id", "customer_id", "employment_month", "match_method", "match_score", "priority_group",
            "base_points", "sustain_points", "sustain_pending", "area_points", "child_points", "total_points",
            "office_code", "district_code");
        foreach (var o in rows)
        {
            file.Text(o.HmrcId);
            file.Text(o.Spell.ClaimId);
            file.Text(o.Spell.CustomerId);
            file.Text(o.EmploymentMonth);
            file.Text(o.Link.Pass.ToExportName());
            file.Fixed4(o.Link.Score);
            file.Number((int)o.Points.Group);
            file.Number(o.Points.BasePoints);
            file.Number(o.Points.SustainPoints);
            file.Text(o.Points.SustainPending ? "Y" : "N");
            file.Number(o.Points.AreaPoints);
            file.Number(o.Points.ChildPoints);
            file.Number(o.Points.TotalPoints);
            file.Text(o.Spell.OfficeCode);
            file.Text(o.Spell.DistrictCode);
            file.EndRow();
        }

        file.Complete();
    }

    /// <summary>
    /// The evidence behind every outcome, referral and review case (SPEC §3: enough for an auditor to see why),
    /// sorted by hmrc_id, claim_id, field; a pair's fields keep their matcher order when a field repeats.
    /// </summary>
    private static void WriteEvidence(string directory, ExportSet exports)
    {
        var rows = new List<EvidenceRow>();
        foreach (var o in exports.Outcomes)
        {
            EvidenceRow.AddAll(rows, o.HmrcId, o.Spell.ClaimId, o.Link.Evidence);
        }

        foreach (var r in exports.Referrals)
        {
            EvidenceRow.AddAll(rows, r.Link.Employment.HmrcId, r.Spell.ClaimId, r.Link.Evidence);
        }

        foreach (var r in exports.Reviews)
        {
            EvidenceRow.AddAll(rows, r.Employment.HmrcId, r.ClaimId, r.Evidence);
        }

        rows.Sort(EvidenceRow.Compare);
        using var file = ExportFile.Create(directory, "evidence.csv", "hmrc_id", "claim_id", "field", "level", "weight");
        foreach (var row in rows)
        {
            file.Text(row.HmrcId);
            file.Text(row.ClaimId);
            file.Text(row.Evidence.Field);
            file.Text(row.Evidence.Level);
            file.Fixed4(row.Evidence.Weight);
            file.EndRow();
        }

        file.Complete();
    }

    private static void WriteReviews(string directory, IReadOnlyList<ReviewCase> reviews)
    {
        var rows = reviews.ToArray();
        Array.Sort(rows, static (a, b) =>
        {
            var c = ComparePair(a.Employment.HmrcId, a.ClaimId, b.Employment.HmrcId, b.ClaimId);
            return c != 0 ? c : string.CompareOrdinal(a.Reason, b.Reason);
        });
        using var file = ExportFile.Create(directory, "review.csv", "hmrc_id", "claim_id", "reason", "match_score");
        foreach (var r in rows)
        {
            file.Text(r.Employment.HmrcId);
            file.Text(r.ClaimId);
            file.Text(r.Reason);
            file.Fixed4(r.Score);
            file.EndRow();
        }

        file.Complete();
    }

    private static void WriteReferrals(string directory, IReadOnlyList<Referral> referrals)
    {
        var rows = referrals.ToArray();
        Array.Sort(rows, static (a, b) => ComparePair(a.Link.Employment.HmrcId, a.Spell.ClaimId, b.Link.Employment.HmrcId, b.Spell.ClaimId));
        using var file = ExportFile.Create(directory, "referrals.csv",
            "hmrc_id", "claim_id", "customer_id", "employment_start", "claim_start", "claim_end");
        foreach (var r in rows)
        {
            file.Text(r.Link.Employment.HmrcId);
            file.Text(r.Spell.ClaimId);
            file.Text(r.Spell.CustomerId);
            file.Date(r.Link.Employment.EmploymentStart);
            file.Date(r.Spell.ClaimStart);
            file.Date(r.Spell.ClaimEnd);
            file.EndRow();
        }

        file.Complete();
    }

    private static void WriteRejects(string directory, IReadOnlyList<Reject> rejects)
    {
        var rows = rejects.ToArray();
        Array.Sort(rows, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.File, b.File);
            if (c == 0)
            {
                c = a.Line.CompareTo(b.Line);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Reason, b.Reason);
        });
        using var file = ExportFile.Create(directory, "rejects.csv", "file", "line", "reason");
        foreach (var r in rows)
        {
            file.Text(r.File);
            file.Number(r.Line);
            file.Text(r.Reason);
            file.EndRow();
        }

        file.Complete();
    }

    private static int ComparePair(string hmrcA, string claimA, string hmrcB, string claimB)
    {
        var c = string.CompareOrdinal(hmrcA, hmrcB);
        return c != 0 ? c : string.CompareOrdinal(claimA, claimB);
    }
}
