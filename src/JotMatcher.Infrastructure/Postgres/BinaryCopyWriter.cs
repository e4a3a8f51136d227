using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres;

/// <summary>
/// Writes rows of PostgreSQL's binary COPY format itself, into a raw COPY stream, through one reusable buffer.
/// Npgsql's <see cref="NpgsqlBinaryImporter"/> binds a parameter and resolves a converter for every field, which was
/// most of the CPU of storing a million people's results (a row of evidence is seven fields, two of them arrays);
/// here a field is a length and its bytes. The format is the server's own: a header, then per row a field count and
/// each field as a big-endian length (-1 for null) and its binary value, then a trailer.
/// Not thread-safe; one writer per COPY. <see cref="CompleteAsync"/> ends the COPY; disposing before it cancels the
/// COPY, so a failure part way never leaves half the rows in (the transaction is rolled back anyway).
/// </summary>
internal sealed class BinaryCopyWriter : IAsyncDisposable
{
    /// <summary>Element type ids of the arrays written (pg_type.oid: text, float8).</summary>
    public const int TextOid = 25;

    public const int Float8Oid = 701;

    private const int BufferSize = 1 << 16;

    /// <summary>A row starts only below this, so most rows fit whole in the slack above it without growing the buffer.</summary>
    private const int FlushThreshold = BufferSize - 1024;

    // "PGCOPY\n\xff\r\n\0", then flags (0: no OIDs) and the header extension length (0).
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    // Npgsql's own text encoding is strict too: a string that is not valid UTF-16 fails rather than changing.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly NpgsqlRawCopyStream stream;
    private readonly CancellationToken cancellationToken;
    private byte[] buffer = new byte[BufferSize];
    private int length;
    private bool completed;

    private BinaryCopyWriter(NpgsqlRawCopyStream stream, CancellationToken cancellationToken)
    {
        this.stream = stream;
        this.cancellationToken = cancellationToken;
        Header.CopyTo(buffer);
        length = Header.Length;
    }

    public int Rows { get; private set; }

    /// <param name="copyCommand">A <c>COPY … FROM STDIN (FORMAT BINARY)</c> command naming every column written, in order.</param>
    public static async Task<BinaryCopyWriter> BeginAsync(NpgsqlConnection connection, string copyCommand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stream = await connection.BeginRawBinaryCopyAsync(copyCommand, cancellationToken);
        return new BinaryCopyWriter(stream, cancellationToken);
    }

    /// <summary>
    /// Copies <paramref name="rows"/> with <paramref name="copyCommand"/>, each row of <paramref name="fields"/> fields
    /// written by <paramref name="writeRow"/>; any failure, cancellation included, cancels the COPY so nothing of it is stored.
    /// </summary>
    public static Task<long> CopyAsync<T>(
        NpgsqlConnection connection, string copyCommand, short fields, IEnumerable<T> rows, Action<BinaryCopyWriter, T> writeRow,
        CancellationToken cancellationToken)
        => CopyAsync(connection, copyCommand, fields, OneBatch(rows), writeRow, cancellationToken);

    /// <summary>
    /// <see cref="CopyAsync{T}(NpgsqlConnection, string, short, IEnumerable{T}, Action{BinaryCopyWriter, T}, CancellationToken)"/>
    /// of rows that arrive in batches while the COPY runs (staging copies a file while it is still being parsed);
    /// returns how many rows were copied.
    /// </summary>
    public static async Task<long> CopyAsync<T>(
        NpgsqlConnection connection, string copyCommand, short fields, IAsyncEnumerable<T[]> batches, Action<BinaryCopyWriter, T> writeRow,
        CancellationToken cancellationToken)
    {
        await using var copy = await BeginAsync(connection, copyCommand, cancellationToken);
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await copy.WriteRowsAsync(batch, fields, writeRow);
        }

        await copy.CompleteAsync();
        return copy.Rows;
    }

    /// <summary>
    /// Whether another row goes into the buffer before it must be sent: a writer of many rows writes them with
    /// <see cref="StartRow"/> while this holds, then awaits <see cref="FlushAsync"/> once, instead of awaiting
    /// <see cref="StartRowAsync"/> for every row (an async step per row was a tenth of storing a million people's results).
    /// </summary>
    public bool HasRoom => length <= FlushThreshold;

    /// <summary>
    /// Starts a row of <paramref name="fields"/> fields without sending anything: see <see cref="HasRoom"/>. Past the
    /// threshold it still works (the buffer grows), so a caller that does not check only uses more memory.
    /// </summary>
    public void StartRow(short fields)
    {
        Rows++;
        Ensure(2);
        WriteInt16(fields);
    }

    /// <summary>Sends the rows written so far to the server; rows are sent only between rows.</summary>
    public async ValueTask FlushAsync()
    {
        await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
        length = 0;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> of <paramref name="fields"/> fields each through <paramref name="writeRow"/>,
    /// filling the buffer synchronously and awaiting only to send it.
    /// </summary>
    public async ValueTask WriteRowsAsync<T>(ReadOnlyMemory<T> rows, short fields, Action<BinaryCopyWriter, T> writeRow)
    {
        var next = 0;
        while ((next = Fill(rows.Span, next, fields, writeRow)) < rows.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await FlushAsync();
        }
    }

    /// <summary>Starts a row of <paramref name="fields"/> fields; may send the rows before it to the server.</summary>
    public ValueTask StartRowAsync(short fields)
    {
        if (HasRoom)
        {
            StartRow(fields);
            return ValueTask.CompletedTask;
        }

        return FlushThenStartAsync(fields);
    }

    public void Text(string value)
    {
        Ensure(4 + MaxUtf8Bytes(value));
        var written = Encode(value, buffer.AsSpan(length + 4));
        WriteInt32(written);
        length += written;
    }

    /// <summary>
    /// A text field from its UTF-8 bytes, sent as they are: for text that was never a string (a field only staged), so
    /// that it is not made one just to be encoded back. The caller vouches that <paramref name="utf8"/> is valid UTF-8
    /// without NUL, as any string's encoding the server accepts would be; the server checks it anyway and fails the COPY.
    /// </summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        Ensure(4 + utf8.Length);
        WriteInt32(utf8.Length);
        utf8.CopyTo(buffer.AsSpan(length));
        length += utf8.Length;
    }

    /// <summary>An id's text: a packed id's ASCII written from its digits, without making a string.</summary>
    public void Text(Core.Records.RecordId id)
    {
        Span<byte> ascii = stackalloc byte[Core.Records.RecordId.MaxPackedLength];
        if (id.TryGetAscii(ascii, out var written))
        {
            Text(ascii[..written]);
        }
        else
        {
            Text(id.ToString());
        }
    }

    /// <summary>
    /// A NINo's normalised text, as <see cref="Core.Identity.Nino.Normalised"/> gives it, without making that string:
    /// a packed NINo (nearly all) keeps none, and staging writes one a row.
    /// </summary>
    public void Text(Core.Identity.Nino nino)
    {
        var chars = nino.Length;
        if (chars > 256)
        {
            Text(nino.Normalised);
            return;
        }

        Span<char> text = stackalloc char[chars];
        nino.CopyTo(text);
        Ensure(4 + (3 * chars));
        var written = Encode(text, buffer.AsSpan(length + 4));
        WriteInt32(written);
        length += written;
    }

    public void NullableText(string? value)
    {
        if (value is null)
        {
            Null();
        }
        else
        {
            Text(value);
        }
    }

    /// <summary>A NINo's pseudonym (<see cref="NinoPseudonymBatch"/>) written straight into the row, or null for a blank NINo.</summary>
    public void Pseudonym(NinoPseudonymBatch pseudonyms, Core.Identity.Nino nino)
    {
        Ensure(4 + NinoPseudonymBatch.Length);
        if (pseudonyms.TryWrite(nino, buffer.AsSpan(length + 4, NinoPseudonymBatch.Length)))
        {
            WriteInt32(NinoPseudonymBatch.Length);
            length += NinoPseudonymBatch.Length;
        }
        else
        {
            WriteInt32(-1);
        }
    }

    public void Null()
    {
        Ensure(4);
        WriteInt32(-1);
    }

    public void Int16(short value)
    {
        Ensure(6);
        WriteInt32(2);
        WriteInt16(value);
    }

    public void Int32(int value)
    {
        Ensure(8);
        WriteInt32(4);
        WriteInt32(value);
    }

    public void Int64(long value)
    {
        Ensure(12);
        WriteInt32(8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    public void Float8(double value)
    {
        Ensure(12);
        WriteInt32(8);
        BinaryPrimitives.WriteDoubleBigEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    public void Boolean(bool value)
    {
        Ensure(5);
        WriteInt32(1);
        buffer[length++] = value ? (byte)1 : (byte)0;
    }

    /// <summary>A date: days since 2000-01-01; <see cref="DateOnly.MinValue"/> and <see cref="DateOnly.MaxValue"/> as -infinity and infinity, as Npgsql writes them.</summary>
    public void Date(DateOnly value) => Int32Field(
        value == DateOnly.MinValue ? int.MinValue
        : value == DateOnly.MaxValue ? int.MaxValue
        : value.DayNumber - PostgresEpochDay);

    public void NullableDate(DateOnly? value)
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

    /// <summary>
    /// A one-dimensional array without nulls of <paramref name="count"/> elements of type <paramref name="elementOid"/>
    /// (an empty array has no dimension, as the server writes it); the elements follow through
    /// <see cref="TextElement"/> or <see cref="Float8Element"/>, then <see cref="EndArray"/>.
    /// <paramref name="maxBytes"/> bounds the elements' bytes, length words included: the array is built in the buffer whole.
    /// </summary>
    public ArrayField StartArray(int count, int elementOid, int maxBytes)
    {
        Ensure(4 + 20 + maxBytes);
        var start = length;
        length += 4;
        WriteInt32(count == 0 ? 0 : 1);
        WriteInt32(0);
        WriteInt32(elementOid);
        if (count > 0)
        {
            WriteInt32(count);
            WriteInt32(1);
        }

        return new ArrayField(start);
    }

    /// <summary>The most bytes <see cref="TextElement"/> writes for <paramref name="value"/>.</summary>
    public static int MaxTextElementBytes(string value) => 4 + MaxUtf8Bytes(value);

    public void TextElement(string value)
    {
        var written = Encode(value, buffer.AsSpan(length + 4));
        WriteInt32(written);
        length += written;
    }

    public void Float8Element(double value)
    {
        WriteInt32(8);
        BinaryPrimitives.WriteDoubleBigEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    public void EndArray(ArrayField array)
        => BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(array.Start), length - array.Start - 4);

    /// <summary>Sends the trailer and ends the COPY; the server has then checked every row.</summary>
    public async Task CompleteAsync()
    {
        Ensure(2);
        WriteInt16(-1);
        await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
        length = 0;
        completed = true;
        await stream.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        try
        {
            await stream.CancelAsync();
            await stream.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException or IOException)
        {
            // The connection broke, which is why the COPY is being abandoned: the failure already thrown is the one
            // to report (and to retry on), not this one; the server rolls back with the connection.
        }
    }

#pragma warning disable CS1998 // one batch, already in hand
    private static async IAsyncEnumerable<T[]> OneBatch<T>(IEnumerable<T> rows)
    {
        yield return rows as T[] ?? [.. rows];
    }
#pragma warning restore CS1998

    /// <summary>
    /// The most UTF-8 bytes of <paramref name="value"/>: three a UTF-16 unit (a pair of surrogates is four bytes for
    /// two units). <see cref="Encoding.GetMaxByteCount"/> says the same plus room for a fallback, through two virtual calls.
    /// </summary>
    private static int MaxUtf8Bytes(string value) => value.Length * 3;

    /// <summary>
    /// <paramref name="value"/> as UTF-8 into <paramref name="target"/> (room for <see cref="MaxUtf8Bytes"/>), returning the
    /// bytes written. Ids and codes are ASCII: narrowed straight across; anything else goes through the strict encoder,
    /// which rejects a string that is not valid UTF-16.
    /// </summary>
    private static int Encode(ReadOnlySpan<char> value, Span<byte> target)
        => Ascii.FromUtf16(value, target, out var written) == OperationStatus.Done ? written : Utf8.GetBytes(value, target);

    private void Int32Field(int value)
    {
        Ensure(8);
        WriteInt32(4);
        WriteInt32(value);
    }

    private async ValueTask FlushThenStartAsync(short fields)
    {
        await FlushAsync();
        StartRow(fields);
    }

    /// <summary>The rows from <paramref name="next"/> that fit before the buffer must be sent; returns the first row not written.</summary>
    private int Fill<T>(ReadOnlySpan<T> rows, int next, short fields, Action<BinaryCopyWriter, T> writeRow)
    {
        while (next < rows.Length && HasRoom)
        {
            StartRow(fields);
            writeRow(this, rows[next++]);
        }

        return next;
    }

    /// <summary>
    /// Room for <paramref name="bytes"/> more: a field is always whole in the buffer (its length word is written after
    /// its bytes), and rows are sent only between rows, so the buffer grows for the rare field bigger than its slack.
    /// </summary>
    private void Ensure(int bytes)
    {
        if (length + bytes > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
        }
    }

    private void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), value);
        length += 2;
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), value);
        length += 4;
    }

    /// <summary>Where an array field's length word is, to be filled in once its elements are written.</summary>
    internal readonly record struct ArrayField(int Start);
}
