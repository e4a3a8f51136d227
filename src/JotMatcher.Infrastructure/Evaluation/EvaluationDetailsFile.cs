using JotMatcher.Core.Evaluation;
using JotMatcher.Infrastructure.Export;

namespace JotMatcher.Infrastructure.Evaluation;

/// <summary>Writes <c>jot evaluate --details</c>: one CSV row per discrepancy, ids, pass and score only.</summary>
public static class EvaluationDetailsFile
{
    public static void Write(string path, IReadOnlyList<Discrepancy> discrepancies)
    {
        var full = Path.GetFullPath(path);
        using var file = ExportFile.Create(Path.GetDirectoryName(full)!, Path.GetFileName(full),
            "hmrc_id", "kind", "true_claim_id", "true_customer_id", "linked_customer_id", "pass", "score");
        foreach (var d in discrepancies)
        {
            file.Text(d.HmrcId);
            file.Text(d.Kind);
            file.Text(d.TrueClaimId);
            file.Text(d.TrueCustomerId);
            file.Text(d.LinkedCustomerId);
            file.Text(d.Pass);
            file.Fixed4(d.Score);
            file.EndRow();
        }

        file.Complete();
    }
}
