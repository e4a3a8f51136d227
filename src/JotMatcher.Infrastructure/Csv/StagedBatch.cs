namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// Up to <see cref="Capacity"/> accepted records of one file, in file order, and one buffer holding their staged-only
/// text end to end (<see cref="StagedRecord{T}"/>). Filled by the reader, then the copy's until it asks for the next
/// batch (<see cref="AcceptedRecords{T}"/>), then filled again.
/// </summary>
internal sealed class StagedBatch<T>
{
    public const int Capacity = 4096;

    /// <summary>The smallest text buffer: a first batch grows from it to what its rows need, later ones start near that.</summary>
    private const int MinTextBytes = 4096;

    private readonly StagedRecord<T>[] records = new StagedRecord<T>[Capacity];
    private byte[] text = [];
    private int textLength;

    /// <param name="textBytesHint">What the previous batch's text took: the likely size of this one's.</param>
    public StagedBatch(int textBytesHint = 0)
    {
        if (textBytesHint > 0)
        {
            // Not zeroed: every byte read is written first. An eighth more, so a batch like the last one fits without growing.
            text = GC.AllocateUninitializedArray<byte>(Math.Max(MinTextBytes, textBytesHint + (textBytesHint >> 3)));
        }
    }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>The bytes the records' text takes in the buffer.</summary>
    public int TextBytes => textLength;

    public ReadOnlyMemory<StagedRecord<T>> Records => records.AsMemory(0, Count);

    /// <summary><paramref name="record"/>'s staged-only text (one of <see cref="Records"/>).</summary>
    public ReadOnlySpan<byte> StagedOnly(in StagedRecord<T> record) => text.AsSpan(record.TextStart, record.TextLength);

    /// <summary>Adds <paramref name="record"/> with a copy of <paramref name="stagedOnly"/>, which is still in the reader's buffer.</summary>
    public void Add(T record, ReadOnlySpan<byte> stagedOnly)
    {
        if (text.Length - textLength < stagedOnly.Length)
        {
            // Rare after a file's first batch: the records hold offsets, so the bytes move to a larger buffer whole.
            var larger = GC.AllocateUninitializedArray<byte>(Math.Max(Math.Max(MinTextBytes, text.Length * 2), textLength + stagedOnly.Length));
            text.AsSpan(0, textLength).CopyTo(larger);
            text = larger;
        }

        stagedOnly.CopyTo(text.AsSpan(textLength));
        records[Count++] = new StagedRecord<T>(record, textLength, stagedOnly.Length);
        textLength += stagedOnly.Length;
    }

    /// <summary>Copied: cleared so that a spare batch keeps no record alive; its buffer is filled again from the start.</summary>
    public void Reset()
    {
        Array.Clear(records, 0, Count);
        Count = 0;
        textLength = 0;
    }
}
