using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>A whole dataset directory read: every claims and HMRC file (in ordinal file-name order), reference data and manifest.</summary>
public sealed record IngestedDataset(
    IReadOnlyList<IngestedFile<ClaimSpell>> ClaimFiles,
    IReadOnlyList<IngestedFile<HmrcEmployment>> HmrcFiles,
    ReferenceData Reference,
    DatasetManifest Manifest)
{
    public IReadOnlyList<ClaimSpell> Claims => [.. ClaimFiles.SelectMany(f => f.Records)];
    public IReadOnlyList<HmrcEmployment> Employments => [.. HmrcFiles.SelectMany(f => f.Records)];
    public IReadOnlyList<Reject> Rejects => [.. ClaimFiles.SelectMany(f => f.Rejects).Concat(HmrcFiles.SelectMany(f => f.Rejects))];
    public IReadOnlyList<FileIngestCounts> FileCounts => [.. ClaimFiles.Select(f => f.Counts).Concat(HmrcFiles.Select(f => f.Counts))];
}
