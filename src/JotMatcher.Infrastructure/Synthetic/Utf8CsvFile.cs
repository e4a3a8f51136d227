using System.Text;
using JotMatcher.Core.Synthetic;

namespace JotMatcher.Infrastructure.Synthetic;

/// <summary>
/// A fast forward-only CSV file for synthetic input data: UTF-8 without BOM, RFC 4180 quoting where needed (or
/// always, for the legacy layout's quoted columns), LF or CRLF, dates from their recorded parts so an impossible date
/// can be written on purpose. Hand-written rather than CsvHelper's writer (which the exports use) because it writes
/// hundreds of millions of fields for the scale benchmarks and must write dates that do not exist.
/// </summary>
internal sealed class Utf8CsvFile : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly byte[] _newLine;
    private int _used;
    private bool _firstField = true;

    public Utf8CsvFile(string path, bool crlf)
    {
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.SequentialScan);
        _newLine = crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
    }

    public long Rows { get; private set; }

    public void Header(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Field(name);
        }

        EndRow();
        Rows = 0;
    }

    /// <summary>A text field, quoted only when it holds a separator, a quote or a line break.</summary>
    public void Field(string value)
    {
        Separator();
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            WriteQuoted(value);
        }
        else
        {
            Write(value);
        }
    }

    /// <summary>A text field in quotes whatever it holds.</summary>
    public void QuotedField(string value)
    {
        Separator();
        WriteQuoted(value);
    }

    public void Flag(bool value) => Field(value ? "Y" : "N");

    /// <summary><c>YYYY-MM-DD</c>, or <c>DD/MM/YYYY</c> for the legacy layout; blank when the date is.</summary>
    public void Date(RecordedDate date, bool dayFirst)
    {
        Separator();
        if (date.IsBlank)
        {
            return;
        }

        var span = Reserve(10);
        if (dayFirst)
        {
            TwoDigits(span, date.Day);
            span[2] = (byte)'/';
            TwoDigits(span[3..], date.Month);
            span[5] = (byte)'/';
            FourDigits(span[6..], date.Year);
        }
        else
        {
            FourDigits(span, date.Year);
            span[4] = (byte)'-';
            TwoDigits(span[5..], date.Month);
            span[7] = (byte)'-';
            TwoDigits(span[8..], date.Day);
        }

        _used += 10;
    }

    public void EndRow()
    {
        _newLine.CopyTo(Reserve(_newLine.Length));
        _used += _newLine.Length;
        _firstField = true;
        Rows++;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    private void Separator()
    {
        if (!_firstField)
        {
            Reserve(1)[0] = (byte)',';
            _used++;
        }

        _firstField = false;
    }

    private void WriteQuoted(string value)
    {
        Reserve(1)[0] = (byte)'"';
        _used++;
        var start = 0;
        for (var quote = value.IndexOf('"', StringComparison.Ordinal); quote >= 0; quote = value.IndexOf('"', start))
        {
            Write(value.AsSpan(start, quote + 1 - start));
            Reserve(1)[0] = (byte)'"';
            _used++;
            start = quote + 1;
        }

        Write(value.AsSpan(start));
        Reserve(1)[0] = (byte)'"';
        _used++;
    }

    private void Write(ReadOnlySpan<char> text)
    {
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        _used += Encoding.UTF8.GetBytes(text, span);
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            Flush();
            if (bytes > _buffer.Length)
            {
                throw new InvalidOperationException("a CSV field is longer than the write buffer");
            }
        }

        return _buffer.AsSpan(_used);
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    private static void TwoDigits(Span<byte> span, int value)
    {
        span[0] = (byte)('0' + (value / 10 % 10));
        span[1] = (byte)('0' + (value % 10));
    }

    private static void FourDigits(Span<byte> span, int value)
    {
        TwoDigits(span, value / 100);
        TwoDigits(span[2..], value % 100);
    }
}
