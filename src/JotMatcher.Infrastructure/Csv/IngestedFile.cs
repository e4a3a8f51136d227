using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>One input file read: its accepted records, its rejects and its reconciled counts.</summary>
public sealed record IngestedFile<T>(IReadOnlyList<T> Records, IReadOnlyList<Reject> Rejects, FileIngestCounts Counts);
