using Dapper;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>Reads the current staged data back into records with binary COPY, file by file in name order, rows in line order.</summary>
public static class StagedDataLoader
{
    public static Task<StagedData> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        => LoadAsync(connection, null, cancellationToken);

    /// <summary>
    /// Loads the current staged data; the records of files in <paramref name="inMemory"/> (just staged by this run)
    /// are taken from it rather than read back, in their place in file-name order.
    /// </summary>
    public static async Task<StagedData> LoadAsync(NpgsqlConnection connection, StagingResult? inMemory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var files = (await connection.QueryAsync<FileRow>(new CommandDefinition("""
            SELECT file_id AS FileId, kind AS Kind, name AS Name, sha256 AS Sha256,
                   rows_read AS RowsRead, accepted AS Accepted, rejected AS Rejected, warnings AS Warnings
            FROM jot.input_file WHERE NOT superseded
            ORDER BY kind COLLATE "C", name COLLATE "C"
            """, transaction: tx, cancellationToken: cancellationToken))).ToList();

        // Sized from the files' accepted counts: a list regrown past a million records leaves its old arrays as garbage
        // in the large-object heap until the next full collection. Only capacity: a count off changes no result.
        var claims = new List<ClaimSpell>(AcceptedOf(files, "claims"));
        var employments = new List<HmrcEmployment>(AcceptedOf(files, "hmrc"));
        var strings = new StringPool();
        foreach (var file in files)
        {
            if (file.Kind == "claims")
            {
                if (inMemory?.NewClaims.TryGetValue(file.FileId, out var records) == true)
                {
                    claims.AddRange(records);
                }
                else
                {
                    await ReadClaimsAsync(connection, file, claims, strings, cancellationToken);
                }
            }
            else if (inMemory?.NewEmployments.TryGetValue(file.FileId, out var records) == true)
            {
                employments.AddRange(records);
            }
            else
            {
                await ReadHmrcAsync(connection, file, employments, strings, cancellationToken);
            }
        }

        var rejects = (await connection.QueryAsync<(string File, long Line, string Reason)>(new CommandDefinition("""
            SELECT f.name, r.line, r.reason
            FROM jot.staged_reject r JOIN jot.input_file f USING (file_id)
            WHERE NOT f.superseded
            ORDER BY f.kind COLLATE "C", f.name COLLATE "C", r.line
            """, transaction: tx, cancellationToken: cancellationToken))).Select(r => new Reject(r.File, r.Line, r.Reason)).ToList();

        var reference = await ReferenceTables.ReadAsync(connection, cancellationToken);
        var manifestJson = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT content FROM jot.inbox_document WHERE name = 'manifest.json'", transaction: tx, cancellationToken: cancellationToken));
        var manifest = manifestJson is null ? DatasetManifest.Empty : DatasetManifest.Parse(manifestJson);
        await tx.CommitAsync(cancellationToken);

        var counts = files.Select(f => new FileIngestCounts(f.Name, f.Kind == "claims" ? InputKind.Claims : InputKind.Hmrc, f.Sha256, f.RowsRead, f.Accepted, f.Rejected, f.Warnings)).ToList();
        return new StagedData(claims, employments, rejects, counts, reference, manifest);
    }

    private static async Task ReadClaimsAsync(NpgsqlConnection connection, FileRow file, List<ClaimSpell> claims, StringPool strings, CancellationToken cancellationToken)
    {
        await SelectFileAsync(connection, file, cancellationToken);
        await using var reader = await connection.BeginBinaryExportAsync("""
            COPY (SELECT line, claim_id, customer_id, nino, surname, forenames, date_of_birth, sex, postcode, benefit,
                         employed, lone_parent, disabled, has_children, programme, claim_start, claim_end,
                         office_code, district_code, area_code
                  FROM jot.staged_claim WHERE file_id = current_setting('jot.load_file')::bigint ORDER BY line)
            TO STDOUT (FORMAT BINARY)
            """, cancellationToken);
        while (await reader.StartRowAsync(cancellationToken) >= 0)
        {
            var line = reader.Read<long>();
            claims.Add(new ClaimSpell
            {
                ClaimId = RecordId.Of(reader.Read<string>()),
                CustomerId = RecordId.Of(reader.Read<string>()),
                Nino = Nino.Parse(reader.Read<string>()),
                Surname = strings.Get(reader.Read<string>()),
                Forenames = strings.Get(reader.Read<string>()),
                DateOfBirth = ReadDate(reader),
                Sex = (Sex)reader.Read<short>(),
                Postcode = strings.Get(reader.Read<string>()),
                Benefit = (Benefit)reader.Read<short>(),
                Employed = reader.Read<bool>(),
                LoneParent = reader.Read<bool>(),
                Disabled = reader.Read<bool>(),
                HasChildren = reader.Read<bool>(),
                Programme = (Programme)reader.Read<short>(),
                ClaimStart = reader.Read<DateOnly>(),
                ClaimEnd = ReadDate(reader),
                OfficeCode = strings.Get(reader.Read<string>()),
                DistrictCode = strings.Get(reader.Read<string>()),
                AreaCode = strings.Get(reader.Read<string>()),
                Source = new SourceLocation(file.Name, line),
            });
        }
    }

    private static async Task ReadHmrcAsync(NpgsqlConnection connection, FileRow file, List<HmrcEmployment> employments, StringPool strings, CancellationToken cancellationToken)
    {
        await SelectFileAsync(connection, file, cancellationToken);
        await using var reader = await connection.BeginBinaryExportAsync("""
            COPY (SELECT line, hmrc_id, nino, surname, forenames, date_of_birth, sex, postcode,
                         employment_start, notified_on
                  FROM jot.staged_hmrc WHERE file_id = current_setting('jot.load_file')::bigint ORDER BY line)
            TO STDOUT (FORMAT BINARY)
            """, cancellationToken);
        while (await reader.StartRowAsync(cancellationToken) >= 0)
        {
            var line = reader.Read<long>();
            employments.Add(new HmrcEmployment
            {
                HmrcId = RecordId.Of(reader.Read<string>()),
                Nino = Nino.Parse(reader.Read<string>()),
                Surname = strings.Get(reader.Read<string>()),
                Forenames = strings.Get(reader.Read<string>()),
                DateOfBirth = ReadDate(reader),
                Sex = (Sex)reader.Read<short>(),
                Postcode = strings.Get(reader.Read<string>()),
                EmploymentStart = reader.Read<DateOnly>(),
                NotifiedOn = ReadDate(reader),
                Source = new SourceLocation(file.Name, line),
            });
        }
    }

    private static int AcceptedOf(List<FileRow> files, string kind)
        => (int)Math.Min(files.Where(f => f.Kind == kind).Sum(f => Math.Max(f.Accepted, 0)), Array.MaxLength);

    // COPY takes no parameters: the file id travels as a transaction-local setting, set through a parameter.
    private static Task SelectFileAsync(NpgsqlConnection connection, FileRow file, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('jot.load_file', @id, true)",
            new { id = file.FileId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));

    private static DateOnly? ReadDate(NpgsqlBinaryExporter reader)
    {
        if (reader.IsNull)
        {
            reader.Skip();
            return null;
        }

        return reader.Read<DateOnly>();
    }

    private sealed record FileRow(long FileId, string Kind, string Name, string Sha256, long RowsRead, long Accepted, long Rejected, long Warnings);

    /// <summary>
    /// Names, codes and postcodes repeat across millions of rows (a person's claim and HMRC postcodes mostly agree): one
    /// string object each keeps the loaded data compact.
    /// </summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

        public string Get(string value)
        {
            if (value.Length > 32)
            {
                return value;
            }

            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pool, value, out var exists);
            if (!exists)
            {
                slot = value;
            }

            return slot!;
        }
    }
}
