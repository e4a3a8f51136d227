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
/// batch (<see cref="StagedBatch{T}"/>) is the consumer's until it asks for the next one; it then comes back for the
/// reader to fill again, so a file whose copy keeps up with its reading allocates a few of them rather than one per 4096
/// records (and none of them lives on to be collected old).
/// </summary>
internal sealed class AcceptedRecords<T>
{
    private readonly Channel<StagedBatch<T>> batches = Channel.CreateUnbounded<StagedBatch<T>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<StagedBatch<T>> spare = new();
    private StagedBatch<T> pending = new();

    /// <summary>
    /// Adds <paramref name="record"/> with its staged-only text (<see cref="IRecordMapper{T}.StagedOnly"/>), which is
    /// copied: it is still in the reader's buffer.
    /// </summary>
    public void Add(T record, ReadOnlySpan<byte> stagedOnly)
    {
        pending.Add(record, stagedOnly);
        if (pending.IsFull)
        {
            batches.Writer.TryWrite(pending);
            pending = spare.TryDequeue(out var again) ? again : new StagedBatch<T>(pending.TextBytes);
        }
    }

    /// <summary>The file was read to its end: the last records go out and the consumer sees the end.</summary>
    public void Complete()
    {
        if (pending.Count > 0)
        {
            batches.Writer.TryWrite(pending);
        }

        batches.Writer.TryComplete();
    }

    /// <summary>The file was quarantined (no error) or reading failed (<paramref name="error"/>): nothing more is handed over.</summary>
    public void Abandon(Exception? error = null) => batches.Writer.TryComplete(error);

    public async IAsyncEnumerable<StagedBatch<T>> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StagedBatch<T>? copied = null;
        await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
        {
            if (copied is not null)
            {
                copied.Reset();
                spare.Enqueue(copied);
            }

            yield return batch;
            copied = batch;
        }
    }
}
