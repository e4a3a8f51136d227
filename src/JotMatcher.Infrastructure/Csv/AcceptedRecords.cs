using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// A file's accepted records handed, in batches and in file order, to a consumer running alongside the reader:
/// staging copies them into PostgreSQL while the rest of the file is still being parsed. Unbounded on purpose: the
/// records are kept for the run anyway, so a batch waiting here costs only its array (and the text staged but not kept), and the reader never waits
/// (the HMRC files are parsed while the claims are still being copied). A file quarantined part-way is
/// <see cref="Abandon"/>ed: what was already handed over is the consumer's to undo. A batch is the consumer's until it
/// asks for the next one; its array then comes back for the reader to fill again, so a file whose copy keeps up with
/// its reading allocates a few arrays rather than one per 4096 records (and none of them lives on to be collected old).
/// </summary>
internal sealed class AcceptedRecords<T>
{
    private const int BatchSize = 4096;

    private readonly Channel<StagedRecord<T>[]> batches = Channel.CreateUnbounded<StagedRecord<T>[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<StagedRecord<T>[]> spare = new();
    private StagedRecord<T>[] pending = new StagedRecord<T>[BatchSize];
    private int count;

    public void Add(StagedRecord<T> record)
    {
        pending[count++] = record;
        if (count == BatchSize)
        {
            batches.Writer.TryWrite(pending);
            pending = spare.TryDequeue(out var again) ? again : new StagedRecord<T>[BatchSize];
            count = 0;
        }
    }

    /// <summary>The file was read to its end: the last records go out and the consumer sees the end.</summary>
    public void Complete()
    {
        if (count > 0)
        {
            batches.Writer.TryWrite(pending[..count]);
            count = 0;
        }

        batches.Writer.TryComplete();
    }

    /// <summary>The file was quarantined (no error) or reading failed (<paramref name="error"/>): nothing more is handed over.</summary>
    public void Abandon(Exception? error = null) => batches.Writer.TryComplete(error);

    public async IAsyncEnumerable<StagedRecord<T>[]> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StagedRecord<T>[]? copied = null;
        await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
        {
            if (copied is { Length: BatchSize })
            {
                // Cleared so that a spare array keeps no record's staged-only text alive.
                Array.Clear(copied);
                spare.Enqueue(copied);
            }

            yield return batch;
            copied = batch;
        }
    }
}
