using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>
/// Everything currently staged, as the matcher needs it: the current version of every file's records in file-name
/// then line order (the order a dataset reader gives), their rejects and counts, reference data and manifest.
/// </summary>
public sealed record StagedData(
    IReadOnlyList<ClaimSpell> Claims,
    IReadOnlyList<HmrcEmployment> Employments,
    IReadOnlyList<Reject> Rejects,
    IReadOnlyList<FileIngestCounts> FileCounts,
    ReferenceData Reference,
    DatasetManifest Manifest);
