using JotMatcher.Core.Records;
using Npgsql;
using NpgsqlTypes;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>Binary COPY of one file's accepted records and rejects into the staging tables, straight from the records.</summary>
internal static class StagedRowsWriter
{
    public static async Task<ulong> WriteClaimsAsync(NpgsqlConnection connection, long fileId, IReadOnlyList<ClaimSpell> claims, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY jot.staged_claim (file_id, line, claim_id, customer_id, nino, surname, forenames, date_of_birth, sex,
                postcode, benefit, employed, lone_parent, disabled, has_children, programme, claim_start, claim_end,
                office_code, district_code, area_code) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var c in claims)
        {
            cancellationToken.ThrowIfCancellationRequested();
            copy.StartRow();
            copy.Write(fileId, NpgsqlDbType.Bigint);
            copy.Write(c.Source.Line, NpgsqlDbType.Bigint);
            copy.Write(c.ClaimId, NpgsqlDbType.Text);
            copy.Write(c.CustomerId, NpgsqlDbType.Text);
            copy.Write(c.Nino.Normalised, NpgsqlDbType.Text);
            copy.Write(c.Surname, NpgsqlDbType.Text);
            copy.Write(c.Forenames, NpgsqlDbType.Text);
            WriteDate(copy, c.DateOfBirth);
            copy.Write((short)c.Sex, NpgsqlDbType.Smallint);
            copy.Write(c.Postcode, NpgsqlDbType.Text);
            copy.Write((short)c.Benefit, NpgsqlDbType.Smallint);
            copy.Write(c.Employed, NpgsqlDbType.Boolean);
            copy.Write(c.LoneParent, NpgsqlDbType.Boolean);
            copy.Write(c.Disabled, NpgsqlDbType.Boolean);
            copy.Write(c.HasChildren, NpgsqlDbType.Boolean);
            copy.Write((short)c.Programme, NpgsqlDbType.Smallint);
            copy.Write(c.ClaimStart, NpgsqlDbType.Date);
            WriteDate(copy, c.ClaimEnd);
            copy.Write(c.OfficeCode, NpgsqlDbType.Text);
            copy.Write(c.DistrictCode, NpgsqlDbType.Text);
            copy.Write(c.AreaCode, NpgsqlDbType.Text);
        }

        return await CompleteAsync(copy, claims.Count, "staged_claim", cancellationToken);
    }

    public static async Task<ulong> WriteHmrcAsync(NpgsqlConnection connection, long fileId, IReadOnlyList<HmrcEmployment> employments, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY jot.staged_hmrc (file_id, line, hmrc_id, nino, surname, forenames, date_of_birth, sex, postcode,
                employer_ref, employment_start, notified_on) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var e in employments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            copy.StartRow();
            copy.Write(fileId, NpgsqlDbType.Bigint);
            copy.Write(e.Source.Line, NpgsqlDbType.Bigint);
            copy.Write(e.HmrcId, NpgsqlDbType.Text);
            copy.Write(e.Nino.Normalised, NpgsqlDbType.Text);
            copy.Write(e.Surname, NpgsqlDbType.Text);
            copy.Write(e.Forenames, NpgsqlDbType.Text);
            WriteDate(copy, e.DateOfBirth);
            copy.Write((short)e.Sex, NpgsqlDbType.Smallint);
            copy.Write(e.Postcode, NpgsqlDbType.Text);
            copy.Write(e.EmployerRef, NpgsqlDbType.Text);
            copy.Write(e.EmploymentStart, NpgsqlDbType.Date);
            WriteDate(copy, e.NotifiedOn);
        }

        return await CompleteAsync(copy, employments.Count, "staged_hmrc", cancellationToken);
    }

    public static async Task<ulong> WriteRejectsAsync(NpgsqlConnection connection, long fileId, IReadOnlyList<Reject> rejects, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY jot.staged_reject (file_id, line, reason) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var r in rejects)
        {
            copy.StartRow();
            copy.Write(fileId, NpgsqlDbType.Bigint);
            copy.Write(r.Line, NpgsqlDbType.Bigint);
            copy.Write(r.Reason, NpgsqlDbType.Text);
        }

        return await CompleteAsync(copy, rejects.Count, "staged_reject", cancellationToken);
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
