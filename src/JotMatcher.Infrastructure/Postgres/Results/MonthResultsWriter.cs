using System.Runtime.InteropServices;
using Dapper;
using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres.Results;

/// <summary>
/// Replaces the results of whole months — outcomes, review cases, referrals, evidence and links — in one
/// transaction under each month's advisory lock: a crash at any point leaves the previous results of every month
/// intact, and two runs of one month never interleave. Rows go in by binary COPY straight from the run result.
/// </summary>
public sealed class MonthResultsWriter(NinoPseudonymizer pseudonymizer, ILogger logger)
{
    /// <summary>
    /// Replaces <paramref name="months"/> with the run's rows of those months and returns what changed.
    /// <paramref name="beforeCommit"/> runs inside the transaction last (the ledger marks the run succeeded there,
    /// so a run is recorded as succeeded exactly when its results are in). <paramref name="step"/> hears each of
    /// <see cref="Steps"/> as it starts, so a run's timings show where storing the results goes; what comes before the
    /// first (grouping the rows by month, locking and clearing the months) is the caller's to time.
    /// </summary>
    public async Task<IReadOnlyList<MonthReplacement>> ReplaceAsync(
        NpgsqlConnection connection,
        long runId,
        IReadOnlyList<string> months,
        RunInput input,
        RunResult result,
        Func<NpgsqlConnection, CancellationToken, Task> beforeCommit,
        Action<string> step,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(beforeCommit);
        ArgumentNullException.ThrowIfNull(step);
        var monthSet = months.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rows = ResultRows.For(monthSet, input, result);

        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await LockMonthsAsync(connection, monthSet, cancellationToken);

        var param = new { months = monthSet };
        var previous = (await connection.QueryAsync<(string Month, long Reviews, long Referrals)>(new CommandDefinition("""
            SELECT r.month,
                   (SELECT count(*) FROM jot.review_case c WHERE c.month = r.month),
                   (SELECT count(*) FROM jot.referral f WHERE f.month = r.month)
            FROM jot.month_result r WHERE r.month = ANY(@months)
            """, param, cancellationToken: cancellationToken))).ToDictionary(p => p.Month, StringComparer.Ordinal);

        var hadOutcomes = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            CREATE TEMP TABLE previous_outcome ON COMMIT DROP AS
                SELECT month, hmrc_id, claim_id, district_code, priority_group, total_points
                FROM jot.outcome WHERE month = ANY(@months);
            SELECT EXISTS (SELECT FROM previous_outcome);
            """, param, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM jot.outcome WHERE month = ANY(@months);
            DELETE FROM jot.review_case WHERE month = ANY(@months);
            DELETE FROM jot.referral WHERE month = ANY(@months);
            DELETE FROM jot.evidence WHERE month = ANY(@months);
            DELETE FROM jot.match_link WHERE month = ANY(@months);
            """, param, cancellationToken: cancellationToken));

        step(Steps[0]);
        using (var pseudonyms = pseudonymizer.StartBatch())
        {
            await WriteOutcomesAsync(connection, runId, rows.Outcomes.Rows, pseudonyms, cancellationToken);
            await WriteReviewsAsync(connection, runId, rows.Reviews.Rows, rows.ClaimsById, pseudonyms, cancellationToken);
            await WriteReferralsAsync(connection, runId, rows.Referrals.Rows, pseudonyms, cancellationToken);
        }

        step(Steps[1]);
        await WriteEvidenceAsync(connection, rows, cancellationToken);
        step(Steps[2]);
        await WriteLinksAsync(connection, rows, cancellationToken);

        step(Steps[3]);
        foreach (var month in monthSet)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO jot.month_result (month, run_id, as_of, hmrc_records) VALUES (@month, @runId, @asOf::date, @hmrcRecords)
                ON CONFLICT (month) DO UPDATE SET run_id = excluded.run_id, as_of = excluded.as_of, hmrc_records = excluded.hmrc_records
                """,
                new { month, runId, asOf = result.AsOf.ToDateTime(TimeOnly.MinValue), hmrcRecords = rows.HmrcRecords.GetValueOrDefault(month) },
                cancellationToken: cancellationToken));
        }

        var replacements = Replacements(monthSet, previous, rows,
            hadOutcomes ? await ChangesAsync(connection, monthSet, cancellationToken) : GainedOnly(rows));
        await beforeCommit(connection, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        Log.MonthsReplaced(logger, runId, string.Join(',', monthSet), rows.Outcomes.Rows.Length, rows.Reviews.Rows.Length, rows.Referrals.Rows.Length);
        return replacements;
    }

    /// <summary>
    /// The steps of <see cref="ReplaceAsync"/> after its preparation, in order: the outcome, review-case and referral
    /// COPYs (with their NINo pseudonyms); the evidence COPY; the link COPY; the month rows, the change report and the commit.
    /// </summary>
    public static IReadOnlyList<string> Steps { get; } = ["outcomes", "evidence", "links", "commit"];

    private async Task LockMonthsAsync(NpgsqlConnection connection, string[] months, CancellationToken cancellationToken)
    {
        // Ascending order, so two runs over overlapping months cannot deadlock on each other's locks.
        foreach (var month in months)
        {
            var key = new { ns = AdvisoryLocks.Month, key = AdvisoryLocks.MonthKey(month) };
            var got = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_xact_lock(@ns, @key)", key, cancellationToken: cancellationToken));
            if (!got)
            {
                Log.WaitingForMonth(logger, month);
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_xact_lock(@ns, @key)", key, commandTimeout: 0, cancellationToken: cancellationToken));
            }
        }
    }

    /// <summary>What changed in the outcomes, by month, district and group, comparing the stored rows with the previous ones.</summary>
    private static async Task<List<MonthChange>> ChangesAsync(NpgsqlConnection connection, string[] months, CancellationToken cancellationToken)
    {
        // Outcomes pair up by (month, hmrc_id, claim_id). A pair on both sides in the same district and group
        // changes only points; otherwise the old row is lost where it was and the new one gained where it is.
        return (await connection.QueryAsync<MonthChange>(new CommandDefinition("""
            WITH pairs AS (
                SELECT n.month AS new_month, n.district_code AS new_district, n.priority_group AS new_group, n.total_points AS new_points,
                       o.month AS old_month, o.district_code AS old_district, o.priority_group AS old_group, o.total_points AS old_points
                FROM (SELECT month, hmrc_id, claim_id, district_code, priority_group, total_points FROM jot.outcome WHERE month = ANY(@months)) n
                FULL JOIN previous_outcome o USING (month, hmrc_id, claim_id)),
            moves AS (
                SELECT new_month AS month, new_district AS district, new_group AS grp, 0 AS gained, 0 AS lost,
                       greatest(new_points - old_points, 0) AS points_gained, greatest(old_points - new_points, 0) AS points_lost
                FROM pairs WHERE new_month IS NOT NULL AND old_month IS NOT NULL AND new_district = old_district AND new_group = old_group
                UNION ALL
                SELECT new_month, new_district, new_group, 1, 0, new_points, 0
                FROM pairs WHERE new_month IS NOT NULL AND (old_month IS NULL OR new_district <> old_district OR new_group <> old_group)
                UNION ALL
                SELECT old_month, old_district, old_group, 0, 1, 0, old_points
                FROM pairs WHERE old_month IS NOT NULL AND (new_month IS NULL OR new_district <> old_district OR new_group <> old_group))
            SELECT month AS Month, district AS DistrictCode, grp::int AS PriorityGroup,
                   sum(gained)::bigint AS OutcomesGained, sum(lost)::bigint AS OutcomesLost,
                   sum(points_gained)::bigint AS PointsGained, sum(points_lost)::bigint AS PointsLost
            FROM moves
            GROUP BY month, district, grp
            HAVING sum(gained) + sum(lost) + sum(points_gained) + sum(points_lost) > 0
            ORDER BY month, district COLLATE "C", grp
            """, new { months }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The change report when the months had no outcomes before (a first run, every replay): every new outcome is
    /// gained where it is. It is the SQL report's answer with nothing to pair with — per month, district and group
    /// the count and the points, in its order (district in "C" order, then group) — from the rows in memory,
    /// without reading back the rows just stored.
    /// </summary>
    private static List<MonthChange> GainedOnly(ResultRows rows)
    {
        var totals = new Dictionary<(string Month, string District, int Group), (long Outcomes, long Points)>();
        foreach (var (month, o) in rows.Outcomes.Rows)
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, (month, o.Spell.DistrictCode, (int)o.Points.Group), out _);
            total = (total.Outcomes + 1, total.Points + o.Points.TotalPoints);
        }

        var changes = totals.Select(t => new MonthChange(t.Key.Month, t.Key.District, t.Key.Group, t.Value.Outcomes, 0, t.Value.Points, 0)).ToList();
        changes.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Month, b.Month);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.DistrictCode, b.DistrictCode);
            }

            return c != 0 ? c : a.PriorityGroup.CompareTo(b.PriorityGroup);
        });
        return changes;
    }

    private static List<MonthReplacement> Replacements(
        string[] months, Dictionary<string, (string Month, long Reviews, long Referrals)> previous, ResultRows rows, List<MonthChange> changes)
    {
        var changesByMonth = changes.ToLookup(c => c.Month, StringComparer.Ordinal);
        var replacements = new List<MonthReplacement>(months.Length);
        foreach (var month in months)
        {
            var tally = rows.Tallies[month];
            var hadResults = previous.TryGetValue(month, out var before);
            replacements.Add(new MonthReplacement(
                month,
                !hadResults,
                tally.Outcomes,
                tally.Points,
                [.. changesByMonth[month]],
                hadResults ? before.Reviews : 0,
                tally.Reviews,
                hadResults ? before.Referrals : 0,
                tally.Referrals));
        }

        return replacements;
    }

    // Each COPY fills its buffer with plain calls and awaits only to send it (BinaryCopyWriter.WriteRowsAsync).
    private static async Task WriteOutcomesAsync(
        NpgsqlConnection connection, long runId, InMonth<JobOutcome>[] outcomes, NinoPseudonymBatch pseudonyms, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, """
            COPY jot.outcome (month, hmrc_id, claim_id, customer_id, nino_pseudonym, match_method, match_score,
                priority_group, base_points, sustain_points, sustain_pending, area_points, child_points, total_points,
                office_code, district_code, rule_set_version, run_id) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        await copy.WriteRowsAsync<InMonth<JobOutcome>>(outcomes, 18, (copy, row) =>
        {
            var (month, o) = row;
            var spell = o.Spell;
            var link = o.Link;
            var points = o.Points;
            copy.Text(month);
            copy.Text(o.HmrcId);
            copy.Text(spell.ClaimId);
            copy.Text(spell.CustomerId);
            copy.Pseudonym(pseudonyms, spell.Nino);
            copy.Text(link.Pass.ToExportName());
            copy.Float8(link.Score);
            copy.Int16((short)points.Group);
            copy.Int32(points.BasePoints);
            copy.Int32(points.SustainPoints);
            copy.Boolean(points.SustainPending);
            copy.Int32(points.AreaPoints);
            copy.Int32(points.ChildPoints);
            copy.Int32(points.TotalPoints);
            copy.Text(spell.OfficeCode);
            copy.Text(spell.DistrictCode);
            copy.Text(points.RuleSetVersion);
            copy.Int64(runId);
        });
        await copy.CompleteAsync();
    }

    private static async Task WriteReviewsAsync(
        NpgsqlConnection connection, long runId, InMonth<ReviewCase>[] reviews, IReadOnlyDictionary<RecordId, ClaimSpell> claimsById,
        NinoPseudonymBatch pseudonyms, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, """
            COPY jot.review_case (month, hmrc_id, claim_id, customer_id, nino_pseudonym, reason, match_method, match_score, run_id)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        await copy.WriteRowsAsync<InMonth<ReviewCase>>(reviews, 9, (copy, row) =>
        {
            var (month, r) = row;
            copy.Text(month);
            copy.Text(r.Employment.HmrcId);
            copy.Text(r.ClaimId);
            copy.Text(r.CustomerId);
            if (claimsById.TryGetValue(r.ClaimId, out var spell))
            {
                copy.Pseudonym(pseudonyms, spell.Nino);
            }
            else
            {
                copy.Null();
            }

            copy.Text(r.Reason);
            copy.Text(r.Pass.ToExportName());
            copy.Float8(r.Score);
            copy.Int64(runId);
        });
        await copy.CompleteAsync();
    }

    private static async Task WriteReferralsAsync(
        NpgsqlConnection connection, long runId, InMonth<Referral>[] referrals, NinoPseudonymBatch pseudonyms, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, """
            COPY jot.referral (month, hmrc_id, claim_id, customer_id, nino_pseudonym, employment_start, claim_start, claim_end, run_id)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        await copy.WriteRowsAsync<InMonth<Referral>>(referrals, 9, (copy, row) =>
        {
            var (month, r) = row;
            copy.Text(month);
            copy.Text(r.Link.Employment.HmrcId);
            copy.Text(r.Spell.ClaimId);
            copy.Text(r.Spell.CustomerId);
            copy.Pseudonym(pseudonyms, r.Spell.Nino);
            copy.Date(r.Link.Employment.EmploymentStart);
            copy.Date(r.Spell.ClaimStart);
            copy.NullableDate(r.Spell.ClaimEnd);
            copy.Int64(runId);
        });
        await copy.CompleteAsync();
    }

    private static async Task WriteEvidenceAsync(NpgsqlConnection connection, ResultRows rows, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.BeginAsync(connection,
            "COPY jot.evidence (month, subject, hmrc_id, claim_id, fields, levels, weights) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // Month by month, the order of the table's index.
        for (var m = 0; m < rows.Months.Count; m++)
        {
            await copy.WriteRowsAsync<InMonth<JobOutcome>>(rows.Outcomes.Of(m), 7,
                static (copy, o) => WriteEvidence(copy, o.Month, "outcome", o.Row.HmrcId, o.Row.Spell.ClaimId, o.Row.Link.Evidence));
            await copy.WriteRowsAsync<InMonth<Referral>>(rows.Referrals.Of(m), 7,
                static (copy, r) => WriteEvidence(copy, r.Month, "referral", r.Row.Link.Employment.HmrcId, r.Row.Spell.ClaimId, r.Row.Link.Evidence));
            await copy.WriteRowsAsync<InMonth<ReviewCase>>(rows.Reviews.Of(m), 7,
                static (copy, r) => WriteEvidence(copy, r.Month, "review", r.Row.Employment.HmrcId, r.Row.ClaimId, r.Row.Evidence));
        }

        await copy.CompleteAsync();
    }

    // One row per pair; the arrays keep the matcher's field order, so the waterfall reads back as it was built.
    private static void WriteEvidence(
        BinaryCopyWriter copy, string month, string subject, RecordId hmrcId, RecordId claimId, in LinkEvidence evidence)
    {
        copy.Text(month);
        copy.Text(subject);
        copy.Text(hmrcId);
        copy.Text(claimId);

        var count = evidence.Count;
        var fieldBytes = 0;
        var levelBytes = 0;
        for (var i = 0; i < count; i++)
        {
            fieldBytes += BinaryCopyWriter.MaxTextElementBytes(evidence[i].Field);
            levelBytes += BinaryCopyWriter.MaxTextElementBytes(evidence[i].Level);
        }

        var fields = copy.StartArray(count, BinaryCopyWriter.TextOid, fieldBytes);
        for (var i = 0; i < count; i++)
        {
            copy.TextElement(evidence[i].Field);
        }

        copy.EndArray(fields);
        var levels = copy.StartArray(count, BinaryCopyWriter.TextOid, levelBytes);
        for (var i = 0; i < count; i++)
        {
            copy.TextElement(evidence[i].Level);
        }

        copy.EndArray(levels);
        var weights = copy.StartArray(count, BinaryCopyWriter.Float8Oid, 12 * count);
        for (var i = 0; i < count; i++)
        {
            copy.Float8Element(evidence[i].Weight);
        }

        copy.EndArray(weights);
    }

    private static async Task WriteLinksAsync(NpgsqlConnection connection, ResultRows rows, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.BeginAsync(connection,
            "COPY jot.match_link (month, hmrc_id, customer_id, match_method, match_score, disposition) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var links = rows.MergeLinks();
        while (FillLinks(copy, links))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await copy.FlushAsync();
        }

        await copy.CompleteAsync();
    }

    /// <summary>Links into the buffer while it has room; false once they are all written.</summary>
    private static bool FillLinks(BinaryCopyWriter copy, LinkMerge links)
    {
        while (copy.HasRoom)
        {
            if (!links.Next(out var month, out var link, out var disposition))
            {
                return false;
            }

            copy.StartRow(6);
            copy.Text(month);
            copy.Text(link.Employment.HmrcId);
            copy.Text(link.CustomerId);
            copy.Text(link.Pass.ToExportName());
            copy.Float8(link.Score);
            copy.Text(disposition);
        }

        return true;
    }
}
