namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// An accepted record on its way to the staging copy, with the row's text that is staged but not kept in the record
/// (<see cref="IRecordMapper{T}.StagedOnly"/>): it is dropped with the batch once copied.
/// </summary>
internal readonly record struct StagedRecord<T>(T Record, string? StagedOnly);
