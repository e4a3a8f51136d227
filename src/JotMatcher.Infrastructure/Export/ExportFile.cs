using System.Buffers;
using System.Globalization;
using System.Text;

namespace JotMatcher.Infrastructure.Export;

/// <summary>
/// One export CSV: UTF-8 without BOM, LF, RFC 4180 quoting only where needed (a cell holding a comma, a double quote,
/// CR or LF is quoted, its quotes doubled), invariant culture, and text cells that a spreadsheet would run as a
/// formula (starting with = + - @, a tab or CR) neutralised with a leading apostrophe, and quoted. That applies only to text, never
/// to the numbers written through <see cref="Number(int)"/>, so a negative weight stays a number.
/// The bytes are the ones CsvHelper's writer produced with those options (ExportFileTests compares the two on random
/// cells); they are encoded straight into one buffer here because per-cell formatting through CsvHelper was most of
/// the cost of writing a million people's evidence.csv.
/// Written to a temporary name and renamed, so a reader never sees half a file.
/// </summary>
internal sealed class ExportFile : IDisposable
{
    private const int BufferSize = 1 << 16;

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Scores and weights repeat (a model has a few thousand distinct weights, most scores are 1): each distinct value
    /// is formatted once, by its bits, up to this many.
    /// </summary>
    private const int MaxFixed4Texts = 1 << 16;

    private readonly Dictionary<long, byte[]> fixed4Texts = [];
    private readonly string path;
    private readonly string temporaryPath;
    private readonly FileStream stream;
    private byte[] buffer = new byte[BufferSize];
    private int length;
    private bool rowStarted;
    private bool completed;

    private ExportFile(string path, string[] header)
    {
        this.path = path;
        temporaryPath = WrittenFile.For(path).TemporaryPath;
        stream = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        foreach (var name in header)
        {
            Text(name);
        }

        EndRow();
    }

    public static ExportFile Create(string directory, string name, params string[] header) => new(Path.Combine(directory, name), header);

    public void Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Text(value.AsSpan());
    }

    /// <summary>An id's text, written from its packed digits without making a string.</summary>
    public void Text(Core.Records.RecordId id)
    {
        Span<char> scratch = stackalloc char[Core.Records.RecordId.MaxPackedLength];
        Text(id.Chars(scratch));
    }

    private void Text(ReadOnlySpan<char> value)
    {
        Separate();
        var escape = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!escape && !value.ContainsAny(NeedsQuotes))
        {
            Ensure(Utf8.GetMaxByteCount(value.Length));
            length += Utf8.GetBytes(value, buffer.AsSpan(length));
            return;
        }

        // Quoted: every double quote doubled, at most twice the cell plus the quotes and the apostrophe.
        Ensure(3 + (2 * Utf8.GetMaxByteCount(value.Length)));
        buffer[length++] = (byte)'"';
        if (escape)
        {
            buffer[length++] = (byte)'\'';
        }

        var rest = value;
        while (rest.IndexOf('"') is var q && q >= 0)
        {
            length += Utf8.GetBytes(rest[..(q + 1)], buffer.AsSpan(length));
            buffer[length++] = (byte)'"';
            rest = rest[(q + 1)..];
        }

        length += Utf8.GetBytes(rest, buffer.AsSpan(length));
        buffer[length++] = (byte)'"';
    }

    public void Number(int value)
    {
        Separate();
        Ensure(11);
        value.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
        length += written;
    }

    public void Number(long value)
    {
        Separate();
        Ensure(20);
        value.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
        length += written;
    }

    /// <summary>Four decimals (<c>0.0000</c>); a value that rounds to zero is written 0.0000, never -0.0000.</summary>
    public void Fixed4(double value)
    {
        Separate();
        var bits = BitConverter.DoubleToInt64Bits(Math.Round(value, 4) == 0 ? 0.0 : value);
        if (!fixed4Texts.TryGetValue(bits, out var text))
        {
            // A custom format rounds through 15 significant digits first, unlike "F4": the exports keep "0.0000".
            text = Encoding.ASCII.GetBytes(BitConverter.Int64BitsToDouble(bits).ToString("0.0000", CultureInfo.InvariantCulture));
            if (fixed4Texts.Count < MaxFixed4Texts)
            {
                fixed4Texts.Add(bits, text);
            }
        }

        Ensure(text.Length);
        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    /// <summary><c>yyyy-MM-dd</c>, or an empty cell for no date.</summary>
    public void Date(DateOnly? value)
    {
        Separate();
        if (value is { } date)
        {
            Ensure(10);
            date.TryFormat(buffer.AsSpan(length), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            length += written;
        }
    }

    /// <summary>Where the next cell's bytes go within the row being written (see <see cref="CopySince"/>).</summary>
    public int Position => length;

    /// <summary>
    /// Copies the bytes of the cells written since <paramref name="position"/> (separators included) into
    /// <paramref name="into"/>, grown if need be, and returns how many there are: written once, they can be repeated
    /// by <see cref="Repeat"/> at the same place of another row, where they are the same bytes.
    /// </summary>
    public int CopySince(int position, ref byte[] into)
    {
        var count = length - position;
        if (into.Length < count)
        {
            into = new byte[Math.Max(count, into.Length * 2)];
        }

        buffer.AsSpan(position, count).CopyTo(into);
        return count;
    }

    /// <summary>Cells copied by <see cref="CopySince"/>, written again at the same place of this row (its start, or after the same cells).</summary>
    public void Repeat(ReadOnlySpan<byte> cells)
    {
        Ensure(cells.Length);
        cells.CopyTo(buffer.AsSpan(length));
        length += cells.Length;
        rowStarted = true;
    }

    public void EndRow()
    {
        Ensure(1);
        buffer[length++] = (byte)'\n';
        rowStarted = false;
        if (length > BufferSize - 1024)
        {
            Flush();
        }
    }

    /// <summary>Flushes and moves the file into place; until then the previous file of that name is untouched.</summary>
    public void Complete() => Finish().MoveIntoPlace();

    /// <summary>Flushes the file under its temporary name and leaves it there, for a caller that moves several files into place together.</summary>
    public WrittenFile Finish()
    {
        Flush();
        stream.Dispose();
        completed = true;
        return new WrittenFile(temporaryPath, path);
    }

    public void Dispose()
    {
        if (!completed)
        {
            stream.Dispose();
            File.Delete(temporaryPath);
        }
    }

    private void Separate()
    {
        if (rowStarted)
        {
            Ensure(1);
            buffer[length++] = (byte)',';
        }

        rowStarted = true;
    }

    private void Flush()
    {
        stream.Write(buffer, 0, length);
        length = 0;
    }

    /// <summary>Room for <paramref name="bytes"/> more: rows are written out whole between rows, so a cell is never split.</summary>
    private void Ensure(int bytes)
    {
        if (length + bytes > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
        }
    }
}

/// <summary>An export file written under its temporary name, not yet in place.</summary>
internal sealed record WrittenFile(string TemporaryPath, string Path)
{
    public static WrittenFile For(string path) => new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "." + System.IO.Path.GetFileName(path) + ".tmp"), path);

    public void MoveIntoPlace() => File.Move(TemporaryPath, Path, overwrite: true);

    public void Delete() => File.Delete(TemporaryPath);
}
