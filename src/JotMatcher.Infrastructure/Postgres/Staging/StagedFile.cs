using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>What staging did with one inbox file.</summary>
/// <param name="Version">The file's version under its name (2 and up: a changed file with a name already staged).</param>
/// <param name="Counts">This version's read counts (for an unchanged file, those of the version staged before).</param>
public sealed record StagedFile(long FileId, InputKind Kind, string Name, int Version, StagingAction Action, FileIngestCounts Counts);

public enum StagingAction
{
    /// <summary>A name never staged before.</summary>
    Staged,

    /// <summary>A changed file with a name already staged: it supersedes the earlier version.</summary>
    NewVersion,

    /// <summary>The same bytes as a file already staged (by checksum): nothing added.</summary>
    Unchanged,
}

/// <summary>The outcome of staging an inbox: every file seen, and the rejects of the files staged now.</summary>
public sealed record StagingResult(IReadOnlyList<StagedFile> Files, IReadOnlyList<Reject> NewRejects, bool ReferenceChanged)
{
    public IEnumerable<StagedFile> Added => Files.Where(f => f.Action != StagingAction.Unchanged);
}
