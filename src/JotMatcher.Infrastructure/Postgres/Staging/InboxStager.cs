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

        var batch = new Batch();
        var claims = await PlanKindAsync(connection, InputKind.Claims, Path.Combine(inbox, "claims"), current, cancellationToken);
        var hmrc = await PlanKindAsync(connection, InputKind.Hmrc, Path.Combine(inbox, "hmrc"), current, cancellationToken);

        // Both kinds are parsed at once, each on its own thread and against its own id registry (ids are unique per
        // kind), and each file's accepted rows are copied into PostgreSQL while the file is still being parsed: the
        // claims as they come, the HMRC rows (parsed meanwhile) once the claims are in. The database sees the files
        // in the same order as when they were read one after the other.
        // The two readers share one string per distinct postcode: a person's claim and HMRC rows mostly agree on it.
        var postcodes = new SharedStringPool();
        var claimsRead = ReadAll<ClaimSpell>(claims, (path, ids, accepted, later) => DatasetReader.ReadClaimsFile(path, ids, accepted, later, postcodes));
        var hmrcRead = ReadAll<HmrcEmployment>(hmrc, (path, ids, accepted, later) => DatasetReader.ReadHmrcFile(path, ids, accepted, later, postcodes));
        try
        {
            await StageKindAsync(connection, runId, claims, claimsRead.Files, batch, batch.Claims, StagedRowsWriter.WriteClaimsAsync, cancellationToken);
            await StageKindAsync(connection, runId, hmrc, hmrcRead.Files, batch, batch.Employments, StagedRowsWriter.WriteHmrcAsync, cancellationToken);
        }
        catch
        {
            // A failed or cancelled staging is retried or reported by the caller: no reader is left running behind it.
            await Task.WhenAll(claimsRead.Done, hmrcRead.Done).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        var referenceChanged = await StageReferenceAsync(connection, inbox, cancellationToken);

        await tx.CommitAsync(cancellationToken);
        return new StagingResult(batch.Files, batch.Rejects, referenceChanged, batch.Claims, batch.Employments);
    }

    /// <summary>
    /// Which files of a kind to stage: a file whose bytes are already staged is unchanged; the versions a changed
    /// file replaces leave the current set, so their ids do not count as seen; the ids of the files that stay current
    /// seed the registry the new files are read against.
    /// </summary>
    private static async Task<KindPlan> PlanKindAsync(
        NpgsqlConnection connection, InputKind kind, string folder, List<CurrentFile> current, CancellationToken cancellationToken)
    {
        var kindName = KindName(kind);
        var currentOfKind = current.Where(f => f.Kind == kindName).ToList();
        var unchanged = new List<(string Name, CurrentFile Same)>();
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
                    unchanged.Add((name, same));
                    continue;
                }
            }

            toStage.Add((path, previous));
        }

        if (toStage.Count == 0)
        {
            return new KindPlan(kind, unchanged, toStage, new IdRegistry());
        }

        var replaced = toStage.Where(t => t.Previous is not null).Select(t => t.Previous!.FileId).ToArray();
        if (replaced.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE jot.input_file SET superseded = true WHERE file_id = ANY(@replaced)", new { replaced }, cancellationToken: cancellationToken));
        }

        var ids = await SeedIdsAsync(connection, kind, currentOfKind.Count - replaced.Length, cancellationToken);
        return new KindPlan(kind, unchanged, toStage, ids);
    }

    /// <summary>
    /// Starts reading a plan's files in name order on a thread of its own (the registry is shared by the kind's files,
    /// so one after the other), each file handing its accepted records over as it goes.
    /// </summary>
    private static KindReading<T> ReadAll<T>(KindPlan plan, Func<string, IdRegistry, AcceptedRecords<T>, long, IngestedFile<T>> read)
    {
        var files = plan.ToStage.Select(_ => new FileReading<T>()).ToList();
        if (files.Count == 0)
        {
            return new KindReading<T>(files, Task.CompletedTask);
        }

        var done = Task.Run(() =>
        {
            var i = 0;
            try
            {
                var laterBytes = DatasetReader.BytesAfter([.. plan.ToStage.Select(f => f.Path)]);
                for (; i < files.Count; i++)
                {
                    files[i].Read.SetResult(read(plan.ToStage[i].Path, plan.Ids, files[i].Accepted, laterBytes[i]));
                }
            }
            catch (Exception e)
            {
                // The file that failed and every one after it report the failure to whoever waits for them.
                for (; i < files.Count; i++)
                {
                    files[i].Accepted.Abandon(e);
                    files[i].Read.TrySetException(e);
                }

                throw;
            }
        });
        return new KindReading<T>(files, done);
    }

    private async Task StageKindAsync<T>(
        NpgsqlConnection connection,
        long runId,
        KindPlan plan,
        List<FileReading<T>> files,
        Batch batch,
        Dictionary<long, IReadOnlyList<T>> records,
        Func<NpgsqlConnection, long, IAsyncEnumerable<StagedBatch<T>>, CancellationToken, Task<long>> copyRows,
        CancellationToken cancellationToken)
    {
        var kindName = KindName(plan.Kind);
        foreach (var (name, same) in plan.Unchanged)
        {
            await RecordRunFileAsync(connection, runId, same.FileId, StagingAction.Unchanged, cancellationToken);
            batch.Files.Add(new StagedFile(same.FileId, plan.Kind, name, same.Version, StagingAction.Unchanged, same.ToCounts(plan.Kind)));
            Log.FileUnchanged(logger, kindName, name);
        }

        for (var i = 0; i < files.Count; i++)
        {
            var (path, previous) = plan.ToStage[i];
            var version = (previous?.Version ?? 0) + 1;

            // The file's row comes first (its rows carry its id); its counts are only known once it has been read.
            var fileId = await InsertFileAsync(connection, runId, plan.Kind, version, new FileIngestCounts(Path.GetFileName(path), plan.Kind, "", 0, 0, 0, 0), cancellationToken);
            var copied = await copyRows(connection, fileId, files[i].Accepted.ReadAllAsync(cancellationToken), cancellationToken);
            var file = await files[i].Read.Task.WaitAsync(cancellationToken);
            if (copied != file.Records.Count)
            {
                // Quarantined part-way (a runaway quote found after rows were accepted): none of its rows may stay.
                await DeleteRowsAsync(connection, plan.Kind, fileId, InputFileReader.IsQuarantined(file) ? 0 : file.Records.Count, copied, cancellationToken);
            }

            var counts = file.Counts;
            await UpdateCountsAsync(connection, fileId, counts, cancellationToken);
            records[fileId] = file.Records;
            await StagedRowsWriter.WriteRejectsAsync(connection, fileId, file.Rejects, cancellationToken);
            var action = previous is null ? StagingAction.Staged : StagingAction.NewVersion;
            await RecordRunFileAsync(connection, runId, fileId, action, cancellationToken);
            Log.FileStaged(logger, kindName, counts.File, version, counts.Accepted, counts.Rejected);
            batch.Files.Add(new StagedFile(fileId, plan.Kind, counts.File, version, action, counts));
            batch.Rejects.AddRange(file.Rejects);
        }
    }

    private static async Task DeleteRowsAsync(NpgsqlConnection connection, InputKind kind, long fileId, int accepted, long copied, CancellationToken cancellationToken)
    {
        if (accepted != 0)
        {
            // Not reachable by design: a file read to its end hands over every record it accepted.
            throw new InvalidOperationException($"staging copied {copied} rows of file {fileId} but {accepted} were accepted");
        }

        var table = kind == InputKind.Claims ? "jot.staged_claim" : "jot.staged_hmrc";
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {table} WHERE file_id = @fileId", new { fileId }, cancellationToken: cancellationToken));
    }

    private static Task UpdateCountsAsync(NpgsqlConnection connection, long fileId, FileIngestCounts counts, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jot.input_file
            SET sha256 = @sha256, rows_read = @rowsRead, accepted = @accepted, rejected = @rejected, warnings = @warnings
            WHERE file_id = @fileId
            """,
            new { fileId, sha256 = counts.Sha256, rowsRead = counts.RowsRead, accepted = counts.Accepted, rejected = counts.Rejected, warnings = counts.Warnings },
            cancellationToken: cancellationToken));

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
            var id = RecordId.Of(reader.Read<string>());
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

    /// <summary>What one staging transaction gathers as it goes.</summary>
    private sealed class Batch
    {
        public List<StagedFile> Files { get; } = [];

        public List<Reject> Rejects { get; } = [];

        public Dictionary<long, IReadOnlyList<ClaimSpell>> Claims { get; } = [];

        public Dictionary<long, IReadOnlyList<HmrcEmployment>> Employments { get; } = [];
    }

    /// <summary>One file being read: its accepted records as they come, and the whole result once read.</summary>
    private sealed class FileReading<T>
    {
        public AcceptedRecords<T> Accepted { get; } = new();

        public TaskCompletionSource<IngestedFile<T>> Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A kind's files being read, in plan order, and the reading task (done when every file is read or one failed).</summary>
    private sealed record KindReading<T>(List<FileReading<T>> Files, Task Done);

    /// <summary>What staging does with one kind's files: record the unchanged, read and copy the rest against the seeded ids.</summary>
    private sealed record KindPlan(
        InputKind Kind, List<(string Name, CurrentFile Same)> Unchanged, List<(string Path, CurrentFile? Previous)> ToStage, IdRegistry Ids);

    private sealed record CurrentFile(long FileId, string Kind, string Name, int Version, string Sha256, long RowsRead, long Accepted, long Rejected, long Warnings)
    {
        public FileIngestCounts ToCounts(InputKind kind) => new(Name, kind, Sha256, RowsRead, Accepted, Rejected, Warnings);
    }
}
