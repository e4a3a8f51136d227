using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, built in a buffer of our own and sent through a raw binary COPY.
/// <see cref="NpgsqlBinaryImporter"/> binds a parameter and resolves a converter for every value it writes, which
/// cost as much CPU as parsing the input (about 3 µs a staged row); here a value is a few byte stores. The format
/// is the documented one (header, per row a field count then length-prefixed big-endian values, trailer -1), and the
/// types are those of the column list the caller names, so a mismatch fails the COPY on the server.
/// </summary>
internal sealed class BinaryCopyRows
{
    /// <summary>A row is sent once the buffer holds this much, leaving room for the next row without growing.</summary>
    private const int SendAt = 192 * 1024;

    // PostgreSQL's date is days from 2000-01-01; Npgsql writes DateOnly.MinValue/MaxValue as -infinity/infinity.
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0];

    private byte[] buffer = new byte[256 * 1024];
    private int length;

    private BinaryCopyRows()
    {
        Signature.CopyTo(buffer);
        length = Signature.Length;
        Int32Raw(0); // flags
        Int32Raw(0); // header extension length
    }

    /// <summary>
    /// Copies <paramref name="rows"/> with <paramref name="copyCommand"/> (<c>COPY t (…) FROM STDIN (FORMAT BINARY)</c>),
    /// each written by <paramref name="writeRow"/> after a field count of <paramref name="fields"/>. Any failure,
    /// cancellation included, cancels the COPY so nothing of it is stored.
    /// </summary>
    public static Task CopyAsync<T>(
        NpgsqlConnection connection, string copyCommand, short fields, IEnumerable<T> rows, Action<BinaryCopyRows, T> writeRow,
        CancellationToken cancellationToken)
        => CopyAsync(connection, copyCommand, fields, OneBatch(rows), writeRow, cancellationToken);

    /// <summary>
    /// <see cref="CopyAsync{T}(NpgsqlConnection, string, short, IEnumerable{T}, Action{BinaryCopyRows, T}, CancellationToken)"/>
    /// of rows that arrive in batches while the copy runs; returns how many rows were copied.
    /// </summary>
    public static async Task<long> CopyAsync<T>(
        NpgsqlConnection connection, string copyCommand, short fields, IAsyncEnumerable<T[]> batches, Action<BinaryCopyRows, T> writeRow,
        CancellationToken cancellationToken)
    {
        var copy = new BinaryCopyRows();
        var rows = 0L;
        var stream = await connection.BeginRawBinaryCopyAsync(copyCommand, cancellationToken);
        try
        {
            await foreach (var batch in batches.WithCancellation(cancellationToken))
            {
                foreach (var row in batch)
                {
                    copy.Int16(fields);
                    writeRow(copy, row);
                    if (copy.length >= SendAt)
                    {
                        await copy.SendAsync(stream, cancellationToken);
                    }
                }

                rows += batch.Length;
            }

            copy.Int16(-1); // trailer: without it the server would take a cut-short stream as complete
            await copy.SendAsync(stream, cancellationToken);
        }
        catch
        {
            await CancelQuietlyAsync(stream);
            throw;
        }

        // Disposing a raw COPY that was not cancelled completes it and waits for the server's verdict.
        await stream.DisposeAsync();
        return rows;
    }

    public void Int16(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), value);
        length += 2;
    }

    public void Smallint(short value)
    {
        Ensure(6);
        Int32Raw(2);
        Int16(value);
    }

    public void Bigint(long value)
    {
        Ensure(12);
        Int32Raw(8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    public void Boolean(bool value)
    {
        Ensure(5);
        Int32Raw(1);
        buffer[length++] = value ? (byte)1 : (byte)0;
    }

    public void Date(DateOnly value)
    {
        Ensure(8);
        Int32Raw(4);
        Int32Raw(value == DateOnly.MinValue ? int.MinValue
            : value == DateOnly.MaxValue ? int.MaxValue
            : value.DayNumber - PostgresEpochDay);
    }

    public void Date(DateOnly? value)
    {
        if (value is { } date)
        {
            Date(date);
        }
        else
        {
            Null();
        }
    }

    public void Null()
    {
        Ensure(4);
        Int32Raw(-1);
    }

    /// <summary>UTF-8, as Npgsql sends text; values here are short (names, codes), so the worst case is reserved up front.</summary>
    public void Text(string value)
    {
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, buffer.AsSpan(length + 4));
        Int32Raw(written);
        length += written;
    }

    private void Int32Raw(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), value);
        length += 4;
    }

    private void Ensure(int bytes)
    {
        if (length + bytes > buffer.Length)
        {
            // Only a row of unusually long values gets here: the buffer grows rather than sending half a row.
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
        }
    }

    private async Task SendAsync(NpgsqlRawCopyStream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
        length = 0;
    }

#pragma warning disable CS1998 // one batch, already in hand
    private static async IAsyncEnumerable<T[]> OneBatch<T>(IEnumerable<T> rows)
    {
        yield return rows as T[] ?? [.. rows];
    }
#pragma warning restore CS1998

    private static async Task CancelQuietlyAsync(NpgsqlRawCopyStream stream)
    {
        try
        {
            await stream.CancelAsync();
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection may already be broken (that is often why we are here): the first error is the one to report.
        }
    }
}
