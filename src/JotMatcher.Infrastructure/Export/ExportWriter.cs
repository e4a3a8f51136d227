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
    public static void Write(string outDirectory, ExportSet exports) => Prepare(outDirectory, exports).Commit();

    /// <summary>
    /// Writes every file under a temporary name: the previous files of those names stay as they were until
    /// <see cref="PreparedExports.Commit"/> moves the new ones into place (a run writes its exports while it stores
    /// its results, and shows them only once the results are committed). On failure nothing is left behind.
    /// </summary>
    public static PreparedExports Prepare(string outDirectory, ExportSet exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        Directory.CreateDirectory(outDirectory);
        var written = new List<WrittenFile>();
        try
        {
            written.Add(WriteOutcomes(outDirectory, exports.Outcomes));
            written.Add(WriteEvidence(outDirectory, exports));
            written.Add(WriteReviews(outDirectory, exports.Reviews));
            written.Add(WriteReferrals(outDirectory, exports.Referrals));
            written.Add(WriteRejects(outDirectory, exports.Rejects));
            written.Add(SummaryJson.Write(Path.Combine(outDirectory, "summary.json"), exports.Summary()));
            written.Add(WriteModel(outDirectory, exports.Match.Diagnostics.ModelJson));
        }
        catch
        {
            new PreparedExports(written).Discard();
            throw;
        }

        return new PreparedExports(written);
    }

    /// <summary>The model as the matcher serialised it (deterministic bytes), moved into place like the CSV files.</summary>
    private static WrittenFile WriteModel(string directory, string modelJson)
    {
        var file = WrittenFile.For(Path.Combine(directory, "model.json"));
        File.WriteAllText(file.TemporaryPath, modelJson.EndsWith('\n') ? modelJson : modelJson + "\n", new System.Text.UTF8Encoding(false));
        return file;
    }

    private static WrittenFile WriteOutcomes(string directory, IReadOnlyList<JobOutcome> outcomes)
    {
        var rows = Sorted(outcomes, static (a, b) => RecordId.Compare(a.HmrcId, a.Spell.ClaimId, b.HmrcId, b.Spell.ClaimId));
        var months = new MonthNames();
        using var file = ExportFile.Create(directory, "outcomes.csv",
            "hmrc_id", "claim_id", "customer_id", "employment_month", "match_method", "match_score", "priority_group",
            "base_points", "sustain_points", "sustain_pending", "area_points", "child_points", "total_points",
            "office_code", "district_code");
        foreach (var o in rows)
        {
            file.Text(o.HmrcId);
            file.Text(o.Spell.ClaimId);
            file.Text(o.Spell.CustomerId);
            file.Text(months.Of(o.Link.Employment.EmploymentStart));
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

        return file.Finish();
    }

    /// <summary>
    /// The evidence behind every outcome, referral and review case (SPEC §3: enough for an auditor to see why),
    /// sorted by hmrc_id, claim_id, field; a pair's fields keep their matcher order when a field repeats.
    /// </summary>
    private static WrittenFile WriteEvidence(string directory, ExportSet exports)
    {
        // Sorting the pairs by ids, then each pair's few rows by field, gives the order of sorting every row by
        // (hmrc_id, claim_id, field, order added) without comparing ids once per row: a pair has about nine rows.
        // (hmrc_id, claim_id, order added) has no ties, so any correct sort gives the same order: the outcomes and the
        // referrals are each in id order already, so each list is sorted on its own (a check, mostly) and the three merged.
        var order = 0;
        var outcomes = new EvidencePair[exports.Outcomes.Count];
        foreach (var o in exports.Outcomes)
        {
            outcomes[order] = new EvidencePair(o.HmrcId, o.Spell.ClaimId, order);
            order++;
        }

        var referrals = new EvidencePair[exports.Referrals.Count];
        foreach (var r in exports.Referrals)
        {
            referrals[order - outcomes.Length] = new EvidencePair(r.Link.Employment.HmrcId, r.Spell.ClaimId, order);
            order++;
        }

        var reviews = new EvidencePair[exports.Reviews.Count];
        foreach (var r in exports.Reviews)
        {
            reviews[order - outcomes.Length - referrals.Length] = new EvidencePair(r.Employment.HmrcId, r.ClaimId, order);
            order++;
        }

        using var file = ExportFile.Create(directory, "evidence.csv", "hmrc_id", "claim_id", "field", "level", "weight");
        var rows = new List<EvidenceRow>();
        var fieldOrder = new EvidenceFieldOrder();
        var cells = new EvidenceCells();
        var ids = new byte[64];
        var idsLength = 0;
        using var pairs = EvidencePair.Merge(EvidencePair.Sorted(outcomes), EvidencePair.Sorted(referrals), EvidencePair.Sorted(reviews)).GetEnumerator();
        var more = pairs.MoveNext();
        while (more)
        {
            // Pairs with the same ids (an outcome and a review case of one pair, say) share one run of rows.
            var first = pairs.Current;
            rows.Clear();
            AddRows(rows, EvidenceOf(exports, first.Order));
            while ((more = pairs.MoveNext()) && pairs.Current.SameIds(first))
            {
                AddRows(rows, EvidenceOf(exports, pairs.Current.Order));
            }

            fieldOrder.Sort(rows);
            for (var i = 0; i < rows.Count; i++)
            {
                // The pair's ids are formatted for its first row and repeated as bytes for the rest.
                if (i == 0)
                {
                    var start = file.Position;
                    file.Text(first.HmrcId);
                    file.Text(first.ClaimId);
                    idsLength = file.CopySince(start, ref ids);
                }
                else
                {
                    file.Repeat(ids.AsSpan(0, idsLength));
                }

                cells.Write(file, rows[i].Evidence);
                file.EndRow();
            }
        }

        return file.Finish();
    }

    // The evidence of the pair added in that order: outcomes first, then referrals, then review cases.
    private static LinkEvidence EvidenceOf(ExportSet exports, int order)
    {
        var (outcomes, referrals) = (exports.Outcomes.Count, exports.Referrals.Count);
        return order < outcomes ? exports.Outcomes[order].Link.Evidence
            : order < outcomes + referrals ? exports.Referrals[order - outcomes].Link.Evidence
            : exports.Reviews[order - outcomes - referrals].Evidence;
    }

    private static void AddRows(List<EvidenceRow> rows, in LinkEvidence evidence)
    {
        var count = evidence.Count;
        for (var i = 0; i < count; i++)
        {
            rows.Add(new EvidenceRow(evidence[i], rows.Count));
        }
    }

    private static WrittenFile WriteReviews(string directory, IReadOnlyList<ReviewCase> reviews)
    {
        var rows = Sorted(reviews, static (a, b) =>
        {
            var c = RecordId.Compare(a.Employment.HmrcId, a.ClaimId, b.Employment.HmrcId, b.ClaimId);
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

        return file.Finish();
    }

    private static WrittenFile WriteReferrals(string directory, IReadOnlyList<Referral> referrals)
    {
        var rows = Sorted(referrals, static (a, b) => RecordId.Compare(a.Link.Employment.HmrcId, a.Spell.ClaimId, b.Link.Employment.HmrcId, b.Spell.ClaimId));
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

        return file.Finish();
    }

    private static WrittenFile WriteRejects(string directory, IReadOnlyList<Reject> rejects)
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

        return file.Finish();
    }

    /// <summary>
    /// The rows sorted as <c>Array.Sort</c> with <paramref name="compare"/> sorts a copy of them. Outcomes and referrals come
    /// from the attribution already in this order: checking that costs one comparison a row where sorting costs
    /// twenty. Only rows in order with no two equal are taken as they are, since the sort is not stable and may
    /// reorder equal rows; anything else is copied and sorted exactly as before.
    /// </summary>
    private static IReadOnlyList<T> Sorted<T>(IReadOnlyList<T> rows, Comparison<T> compare)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (compare(rows[i - 1], rows[i]) >= 0)
            {
                var array = rows.ToArray();
                Array.Sort(array, compare);
                return array;
            }
        }

        return rows;
    }
}

/// <summary>Export files written under temporary names by <see cref="ExportWriter.Prepare"/>, waiting to be moved into place.</summary>
public sealed class PreparedExports
{
    private readonly IReadOnlyList<WrittenFile> files;

    internal PreparedExports(IReadOnlyList<WrittenFile> files) => this.files = files;

    /// <summary>Moves every file into place, in the order they were written.</summary>
    public void Commit()
    {
        foreach (var file in files)
        {
            file.MoveIntoPlace();
        }
    }

    /// <summary>Deletes the temporary files: the previous exports, if any, stay as they were.</summary>
    public void Discard()
    {
        foreach (var file in files)
        {
            file.Delete();
        }
    }
}
