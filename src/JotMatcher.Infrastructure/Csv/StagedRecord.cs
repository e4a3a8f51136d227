namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// An accepted record on its way to the staging copy, with the row's text that is staged but not kept in the record
/// (<see cref="IRecordMapper{T}.StagedOnly"/>) as the UTF-8 the COPY sends: bytes in its batch's buffer, dropped or
/// reused with the batch once copied, rather than a string per row that is made only to be encoded back.
/// Empty when the kind has no such text or the row's is blank.
/// </summary>
internal readonly record struct StagedRecord<T>(T Record, ReadOnlyMemory<byte> StagedOnly);
