using System.Security.Cryptography;
using Dapper;
using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>
/// Stages an inbox (a dataset folder: <c>claims/</c>, <c>hmrc/</c>, <c>reference/</c>, <c>manifest.json</c>) in one
/// transaction. Idempotent by checksum: a file whose bytes are already staged adds nothing; a changed file under a
/// staged name becomes that name's next version and supersedes the earlier one. Ids already staged from other
/// files count as seen, so a duplicate across runs is rejected exactly as a duplicate within one dataset is.
/// </summary>
public sealed class InboxStager(ILogger logger)
{
    private const string ManifestName = "manifest.json";
    private static readonly string[] ReferenceNames = ["deprived_areas.csv", "profile.csv"];

    public async Task<StagingResult> StageAsync(NpgsqlConnection connection, long runId, string inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!Directory.Exists(inbox))
        {
            throw new DirectoryNotFoundException($"inbox folder not found: {inbox}");
        }

        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@ns, 0)", new { ns = AdvisoryLocks.Ingest }, tx, cancellationToken: cancellationToken));

        var current = (await connection.QueryAsync<CurrentFile>(new CommandDefinition("""
            SELECT file_id AS FileId, kind AS Kind, name AS Name, version AS Version, sha256 AS Sha256,
                   rows_read AS RowsRead, accepted AS Accepted, rejected AS Rejected, warnings AS Warnings
            FROM jot.input_file WHERE NOT superseded
            """, transaction: tx, cancellationToken: cancellationToken))).ToList();

        var files = new List<StagedFile>();
        var rejects = new List<Reject>();
        await StageKindAsync(connection, runId, InputKind.Claims, Path.Combine(inbox, "claims"), current, files, rejects, cancellationToken);
        await StageKindAsync(connection, runId, InputKind.Hmrc, Path.Combine(inbox, "hmrc"), current, files, rejects, cancellationToken);
        var referenceChanged = await StageReferenceAsync(connection, inbox, cancellationToken);

        await tx.CommitAsync(cancellationToken);
        return new StagingResult(files, rejects, referenceChanged);
    }

    private async Task StageKindAsync(
        NpgsqlConnection connection, long runId, InputKind kind, string folder, List<CurrentFile> current,
        List<StagedFile> files, List<Reject> rejects, CancellationToken cancellationToken)
    {
        var kindName = KindName(kind);
        var currentOfKind = current.Where(f => f.Kind == kindName).ToList();
        var toStage = new List<(string Path, CurrentFile? Previous)>();
        foreach (var path in CsvFiles(folder))
        {
            var name = Path.GetFileName(path);
            var previous = currentOfKind.FirstOrDefault(f => f.Name == name);

            // Hashing first costs a read; skip it when nothing is staged yet (a fresh database, a replay).
            if (currentOfKind.Count > 0)
            {
                var sha = Sha256Of(path);
                var same = currentOfKind.FirstOrDefault(f => f.Sha256 == sha);
                if (same is not null)
                {
                    await RecordRunFileAsync(connection, runId, same.FileId, StagingAction.Unchanged, cancellationToken);
                    files.Add(new StagedFile(same.FileId, kind, name, same.Version, StagingAction.Unchanged, same.ToCounts(kind)));
                    Log.FileUnchanged(logger, kindName, name);
                    continue;
                }
            }

            toStage.Add((path, previous));
        }

        if (toStage.Count == 0)
        {
            return;
        }

        // The versions being replaced leave the current set first, so their ids do not count as seen.
        var replaced = toStage.Where(t => t.Previous is not null).Select(t => t.Previous!.FileId).ToArray();
        if (replaced.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE jot.input_file SET superseded = true WHERE file_id = ANY(@replaced)", new { replaced }, cancellationToken: cancellationToken));
        }

        var ids = await SeedIdsAsync(connection, kind, currentOfKind.Count - replaced.Length, cancellationToken);
        foreach (var (path, previous) in toStage)
        {
            var staged = await StageFileAsync(connection, runId, kind, path, previous, ids, cancellationToken);
            files.Add(staged.File);
            rejects.AddRange(staged.Rejects);
        }
    }

    private async Task<(StagedFile File, IReadOnlyList<Reject> Rejects)> StageFileAsync(
        NpgsqlConnection connection, long runId, InputKind kind, string path, CurrentFile? previous, IdRegistry ids, CancellationToken cancellationToken)
    {
        var version = (previous?.Version ?? 0) + 1;
        FileIngestCounts counts;
        IReadOnlyList<Reject> fileRejects;
        long fileId;
        if (kind == InputKind.Claims)
        {
            var file = DatasetReader.ReadClaimsFile(path, ids);
            (counts, fileRejects) = (file.Counts, file.Rejects);
            fileId = await InsertFileAsync(connection, runId, kind, version, counts, cancellationToken);
            await StagedRowsWriter.WriteClaimsAsync(connection, fileId, file.Records, cancellationToken);
        }
        else
        {
            var file = DatasetReader.ReadHmrcFile(path, ids);
            (counts, fileRejects) = (file.Counts, file.Rejects);
            fileId = await InsertFileAsync(connection, runId, kind, version, counts, cancellationToken);
            await StagedRowsWriter.WriteHmrcAsync(connection, fileId, file.Records, cancellationToken);
        }

        await StagedRowsWriter.WriteRejectsAsync(connection, fileId, fileRejects, cancellationToken);
        var action = previous is null ? StagingAction.Staged : StagingAction.NewVersion;
        await RecordRunFileAsync(connection, runId, fileId, action, cancellationToken);
        Log.FileStaged(logger, KindName(kind), counts.File, version, counts.Accepted, counts.Rejected);
        return (new StagedFile(fileId, kind, counts.File, version, action, counts), fileRejects);
    }

    private static async Task<long> InsertFileAsync(NpgsqlConnection connection, long runId, InputKind kind, int version, FileIngestCounts counts, CancellationToken cancellationToken)
        => await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO jot.input_file (kind, name, version, sha256, rows_read, accepted, rejected, warnings, staged_by_run)
            VALUES (@kind, @name, @version, @sha256, @rowsRead, @accepted, @rejected, @warnings, @runId)
            RETURNING file_id
            """,
            new
            {
                kind = KindName(kind), name = counts.File, version, sha256 = counts.Sha256, rowsRead = counts.RowsRead,
                accepted = counts.Accepted, rejected = counts.Rejected, warnings = counts.Warnings, runId,
            },
            cancellationToken: cancellationToken));

    private static Task RecordRunFileAsync(NpgsqlConnection connection, long runId, long fileId, StagingAction action, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO jot.run_file (run_id, file_id, action) VALUES (@runId, @fileId, @action) ON CONFLICT DO NOTHING",
            new { runId, fileId, action = ActionName(action) }, cancellationToken: cancellationToken));

    /// <summary>The ids staged from the current files that stay current, in file-name then line order.</summary>
    private static async Task<IdRegistry> SeedIdsAsync(NpgsqlConnection connection, InputKind kind, int keptFiles, CancellationToken cancellationToken)
    {
        var ids = new IdRegistry();
        if (keptFiles <= 0)
        {
            return ids;
        }

        var sql = kind == InputKind.Claims
            ? "COPY (SELECT s.claim_id, f.name, s.line FROM jot.staged_claim s JOIN jot.input_file f USING (file_id) WHERE NOT f.superseded AND f.kind = 'claims' ORDER BY f.name COLLATE \"C\", s.line) TO STDOUT (FORMAT BINARY)"
            : "COPY (SELECT s.hmrc_id, f.name, s.line FROM jot.staged_hmrc s JOIN jot.input_file f USING (file_id) WHERE NOT f.superseded AND f.kind = 'hmrc' ORDER BY f.name COLLATE \"C\", s.line) TO STDOUT (FORMAT BINARY)";
        await using var reader = await connection.BeginBinaryExportAsync(sql, cancellationToken);
        while (await reader.StartRowAsync(cancellationToken) >= 0)
        {
            var id = reader.Read<string>();
            var name = reader.Read<string>();
            var line = reader.Read<long>();
            ids.TryAdd(id, new SourceLocation(name, line), out _);
        }

        return ids;
    }

    /// <summary>Replaces the stored reference data and manifest with the inbox's copies when they changed; true when one did.</summary>
    private static async Task<bool> StageReferenceAsync(NpgsqlConnection connection, string inbox, CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<(string Name, string Sha256)>(new CommandDefinition(
            "SELECT name, sha256 FROM jot.inbox_document", cancellationToken: cancellationToken))).ToDictionary(d => d.Name, d => d.Sha256, StringComparer.Ordinal);

        var referenceChanged = false;
        foreach (var name in ReferenceNames)
        {
            var path = Path.Combine(inbox, "reference", name);
            referenceChanged |= File.Exists(path) && await StoreDocumentAsync(connection, name, path, stored, cancellationToken);
        }

        if (referenceChanged)
        {
            await ReferenceTables.ReplaceAsync(connection, DatasetReader.ReadReference(inbox), cancellationToken);
        }

        var manifest = Path.Combine(inbox, ManifestName);
        var manifestChanged = File.Exists(manifest) && await StoreDocumentAsync(connection, ManifestName, manifest, stored, cancellationToken);
        if (manifestChanged)
        {
            _ = DatasetReader.ReadManifest(inbox); // refuse a bad manifest now, before it is stored
        }

        return referenceChanged || manifestChanged;
    }

    private static async Task<bool> StoreDocumentAsync(NpgsqlConnection connection, string name, string path, Dictionary<string, string> stored, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (stored.TryGetValue(name, out var storedSha) && storedSha == sha)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO jot.inbox_document (name, sha256, content) VALUES (@name, @sha, @content)
            ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, content = excluded.content
            """, new { name, sha, content = System.Text.Encoding.UTF8.GetString(bytes) }, cancellationToken: cancellationToken));
        return true;
    }

    private static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string[] CsvFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.GetFiles(folder, "*.csv");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    internal static string KindName(InputKind kind) => kind == InputKind.Claims ? "claims" : "hmrc";

    private static string ActionName(StagingAction action) => action switch
    {
        StagingAction.Staged => "staged",
        StagingAction.NewVersion => "new_version",
        _ => "unchanged",
    };

    private sealed record CurrentFile(long FileId, string Kind, string Name, int Version, string Sha256, long RowsRead, long Accepted, long Rejected, long Warnings)
    {
        public FileIngestCounts ToCounts(InputKind kind) => new(Name, kind, Sha256, RowsRead, Accepted, Rejected, Warnings);
    }
}
