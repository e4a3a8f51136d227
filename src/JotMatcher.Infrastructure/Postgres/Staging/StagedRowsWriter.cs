using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;
using Npgsql;
using NpgsqlTypes;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>
/// Binary COPY of one file's accepted records and rejects into the staging tables, straight from the records
/// (<see cref="BinaryCopyWriter"/>; the helper below serves the reference tables' <see cref="NpgsqlBinaryImporter"/> copies).
/// </summary>
internal static class StagedRowsWriter
{
    /// <summary>Copies the claims of file <paramref name="fileId"/> as they arrive; returns how many were copied.</summary>
    public static Task<long> WriteClaimsAsync(NpgsqlConnection connection, long fileId, IAsyncEnumerable<StagedBatch<ClaimSpell>> claims, CancellationToken cancellationToken)
        => CopyAsync(connection, """
            COPY jot.staged_claim (file_id, line, claim_id, customer_id, nino, surname, forenames, date_of_birth, sex,
                postcode, benefit, employed, lone_parent, disabled, has_children, programme, claim_start, claim_end,
                office_code, district_code, area_code) FROM STDIN (FORMAT BINARY)
            """, 21, claims, (copy, staged, _) =>
            {
                var c = staged.Record;
                copy.Int64(fileId);
                copy.Int64(c.Source.Line);
                copy.Text(c.ClaimId);
                copy.Text(c.CustomerId);
                copy.Text(c.Nino);
                copy.Text(c.Surname);
                copy.Text(c.Forenames);
                copy.NullableDate(c.DateOfBirth);
                copy.Int16((short)c.Sex);
                copy.Text(c.Postcode);
                copy.Int16((short)c.Benefit);
                copy.Boolean(c.Employed);
                copy.Boolean(c.LoneParent);
                copy.Boolean(c.Disabled);
                copy.Boolean(c.HasChildren);
                copy.Int16((short)c.Programme);
                copy.Date(c.ClaimStart);
                copy.NullableDate(c.ClaimEnd);
                copy.Text(c.OfficeCode);
                copy.Text(c.DistrictCode);
                copy.Text(c.AreaCode);
            }, cancellationToken);

    /// <summary>Copies the employments of file <paramref name="fileId"/> as they arrive; returns how many were copied.</summary>
    public static Task<long> WriteHmrcAsync(NpgsqlConnection connection, long fileId, IAsyncEnumerable<StagedBatch<HmrcEmployment>> employments, CancellationToken cancellationToken)
        => CopyAsync(connection, """
            COPY jot.staged_hmrc (file_id, line, hmrc_id, nino, surname, forenames, date_of_birth, sex, postcode,
                employer_ref, employment_start, notified_on) FROM STDIN (FORMAT BINARY)
            """, 12, employments, (copy, staged, batch) =>
            {
                var e = staged.Record;
                copy.Int64(fileId);
                copy.Int64(e.Source.Line);
                copy.Text(e.HmrcId);
                copy.Text(e.Nino);
                copy.Text(e.Surname);
                copy.Text(e.Forenames);
                copy.NullableDate(e.DateOfBirth);
                copy.Int16((short)e.Sex);
                copy.Text(e.Postcode);
                copy.Text(batch.StagedOnly(staged));
                copy.Date(e.EmploymentStart);
                copy.NullableDate(e.NotifiedOn);
            }, cancellationToken);

    public static Task WriteRejectsAsync(NpgsqlConnection connection, long fileId, IReadOnlyList<Reject> rejects, CancellationToken cancellationToken)
        => BinaryCopyWriter.CopyAsync(connection, "COPY jot.staged_reject (file_id, line, reason) FROM STDIN (FORMAT BINARY)", 3, rejects, (copy, r) =>
            {
                copy.Int64(fileId);
                copy.Int64(r.Line);
                copy.Text(r.Reason);
            }, cancellationToken);

    /// <summary>
    /// Copies batches of staged records as they arrive, each row written by <paramref name="writeRow"/> with its batch
    /// (which holds the row's staged-only text); any failure, cancellation included, cancels the COPY.
    /// </summary>
    private static async Task<long> CopyAsync<T>(
        NpgsqlConnection connection, string copyCommand, short fields, IAsyncEnumerable<StagedBatch<T>> batches,
        Action<BinaryCopyWriter, StagedRecord<T>, StagedBatch<T>> writeRow, CancellationToken cancellationToken)
    {
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, copyCommand, cancellationToken);
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await copy.WriteRowsAsync(batch.Records, fields, (writer, staged) => writeRow(writer, staged, batch));
        }

        await copy.CompleteAsync();
        return copy.Rows;
    }

    internal static void WriteDate(NpgsqlBinaryImporter copy, DateOnly? date)
    {
        if (date is { } d)
        {
            copy.Write(d, NpgsqlDbType.Date);
        }
        else
        {
            copy.WriteNull();
        }
    }

    /// <summary>Completes the copy and checks the server took every row written; disposing without this rolls the copy back.</summary>
    internal static async Task<ulong> CompleteAsync(NpgsqlBinaryImporter copy, int expected, string table, CancellationToken cancellationToken)
    {
        var written = await copy.CompleteAsync(cancellationToken);
        return written == (ulong)expected
            ? written
            : throw new InvalidOperationException($"COPY into {table} stored {written} rows of {expected}");
    }
}
