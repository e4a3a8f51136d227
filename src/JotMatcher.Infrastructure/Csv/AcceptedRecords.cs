using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// A file's accepted records handed, in batches and in file order, to a consumer running alongside the reader:
/// staging copies them into PostgreSQL while the rest of the file is still being parsed. Unbounded on purpose: the
/// records are kept for the run anyway, so a batch waiting here costs only its array and the bytes of the text staged
/// but not kept, and the reader never waits (the HMRC files are parsed while the claims are still being copied). A
/// file quarantined part-way is <see cref="Abandon"/>ed: what was already handed over is the consumer's to undo. A
/// batch is the consumer's until it asks for the next one; its array and its text buffer then come back for the reader
/// to fill again, so a file whose copy keeps up with its reading allocates a few of them rather than one per 4096
/// records (and none of them lives on to be collected old).
/// </summary>
internal sealed class AcceptedRecords<T>
{
    private const int BatchSize = 4096;

    /// <summary>A first text buffer's size: 4096 rows of a dozen bytes, below the large object heap's 85 000.</summary>
    private const int InitialTextBytes = 1 << 16;

    private readonly Channel<Batch> batches = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<Batch> spare = new();
    private Batch pending = new();
    private int count;

    /// <summary>
    /// Adds <paramref name="record"/> with its staged-only text (<see cref="IRecordMapper{T}.StagedOnly"/>), which is
    /// copied: it is still in the reader's buffer.
    /// </summary>
    public void Add(T record, ReadOnlySpan<byte> stagedOnly)
    {
        pending.Records[count++] = new StagedRecord<T>(record, stagedOnly.IsEmpty ? default : pending.Keep(stagedOnly));
        if (count == BatchSize)
        {
            batches.Writer.TryWrite(pending);
            pending = spare.TryDequeue(out var again) ? again : new Batch();
            count = 0;
        }
    }

    /// <summary>The file was read to its end: the last records go out and the consumer sees the end.</summary>
    public void Complete()
    {
        if (count > 0)
        {
            // A short array of its own (the copy takes whole arrays); its text stays in the batch's buffer.
            batches.Writer.TryWrite(new Batch(pending.Records[..count], pending));
            count = 0;
        }

        batches.Writer.TryComplete();
    }

    /// <summary>The file was quarantined (no error) or reading failed (<paramref name="error"/>): nothing more is handed over.</summary>
    public void Abandon(Exception? error = null) => batches.Writer.TryComplete(error);

    public async IAsyncEnumerable<StagedRecord<T>[]> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Batch? copied = null;
        await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
        {
            if (copied is { Records.Length: BatchSize })
            {
                copied.Reset();
                spare.Enqueue(copied);
            }

            yield return batch.Records;
            copied = batch;
        }
    }

    /// <summary>
    /// A batch's records and the buffer their staged-only text is copied into, end to end; a buffer that fills is
    /// replaced by one twice its size (the records already in the old one keep it), and the larger is kept for reuse.
    /// </summary>
    private sealed class Batch
    {
        private byte[] text = [];
        private int textLength;

        public Batch() => Records = new StagedRecord<T>[BatchSize];

        /// <summary>The last, short batch of a file: <paramref name="records"/> with <paramref name="full"/>'s text buffer.</summary>
        public Batch(StagedRecord<T>[] records, Batch full) => (Records, text, textLength) = (records, full.text, full.textLength);

        public StagedRecord<T>[] Records { get; }

        public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> bytes)
        {
            if (text.Length - textLength < bytes.Length)
            {
                // Not zeroed: every byte handed out is written first. A kind without staged-only text never gets here.
                text = GC.AllocateUninitializedArray<byte>(Math.Max(Math.Max(InitialTextBytes, text.Length * 2), bytes.Length));
                textLength = 0;
            }

            bytes.CopyTo(text.AsSpan(textLength));
            var kept = new ReadOnlyMemory<byte>(text, textLength, bytes.Length);
            textLength += bytes.Length;
            return kept;
        }

        /// <summary>Copied: cleared so that a spare batch keeps no record alive, and its text buffer is filled again from the start.</summary>
        public void Reset()
        {
            Array.Clear(Records);
            textLength = 0;
        }
    }
}
