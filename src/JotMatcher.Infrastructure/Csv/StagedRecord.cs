namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// An accepted record on its way to the staging copy, with where its batch's buffer holds the row's text that is staged
/// but not kept in the record (<see cref="IRecordMapper{T}.StagedOnly"/>), as the UTF-8 the COPY sends
/// (<see cref="StagedBatch{T}.StagedOnly"/>): bytes dropped or reused with the batch once copied, rather than a string
/// per row made only to be encoded back. An offset rather than a reference to the bytes keeps the record at two words,
/// so a batch's array stays off the large object heap. Empty when the kind has no such text or the row's is blank.
/// </summary>
internal readonly record struct StagedRecord<T>(T Record, int TextStart, int TextLength);
