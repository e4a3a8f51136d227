using System.Text;
using System.Text.Unicode;
using CsvHelper;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// Reads the fields of the current record and applies SPEC §2's rule for each: a required field that is missing or
/// unreadable rejects the row (the first reason wins), an unreadable optional field reads as blank and counts a warning.
/// Reasons name the column and the problem, never the value.
/// </summary>
internal sealed class RowFields(CsvReader csv)
{
    /// <summary>
    /// No identifier, name or code is anywhere near this long; a longer one is corruption (often a quote that
    /// swallowed following lines), so identity fields over it reject the row rather than feed the matcher garbage.
    /// </summary>
    public const int MaxFieldBytes = 4096;

    private readonly char[] chars = new char[MaxFieldBytes];

    /// <summary>The UTF-8 of a non-ASCII field trimmed as a string would be (<see cref="OptionalUtf8"/>): never longer than the field.</summary>
    private readonly byte[] trimmedUtf8 = new byte[MaxFieldBytes];

    /// <summary>
    /// Whether the last text field read was readable (<see cref="IsReadable"/>) and, for a required one, present: such a
    /// value may be taken again for the same bytes (<see cref="RepeatedField{T}"/>) without repeating its checks.
    /// </summary>
    private bool lastReadable;

    public string? RejectReason { get; private set; }

    public int Warnings { get; private set; }

    public bool IsRejected => RejectReason is not null;

    public void BeginRecord()
    {
        RejectReason = null;
        Warnings = 0;
    }

    public void Reject(string reason) => RejectReason ??= reason;

    public void Warn() => Warnings++;

    /// <summary>The field's UTF-8 bytes (already unquoted); empty when the file has no such column or the row is short.</summary>
    public ReadOnlySpan<byte> Span(Column column) => column.IsPresent ? csv.GetSpan(column.Index) : default;

    /// <summary>
    /// A required identifier: present, valid UTF-8, not over <see cref="MaxFieldBytes"/>; taken from
    /// <paramref name="previous"/> when the bytes are the previous row's. Plain ASCII (nearly every id) is packed from
    /// the field's bytes, so an id never becomes a string unless it has to keep its text.
    /// </summary>
    public RecordId RequiredId(Column column, RepeatedField<RecordId>? previous = null)
    {
        var span = Span(column);
        if (previous is not null && previous.Matches(span))
        {
            return previous.Value;
        }

        RecordId value;
        if (IsBlank(span))
        {
            Reject($"{column.Name}: missing");
            lastReadable = false;
            value = default;
        }
        else if (span.Length <= MaxFieldBytes && FieldText.IsPlainAscii(span))
        {
            // CheckedText's common case, without its string.
            lastReadable = true;
            value = RecordId.OfAscii(FieldText.TrimAscii(span));
        }
        else
        {
            value = RecordId.Of(CheckedText(column, span, rejectBad: true, pool: null));
        }

        if (lastReadable)
        {
            previous?.Remember(span, value);
        }

        return value;
    }

    /// <summary>The NINo of an identity field (<see cref="Identity"/>'s rule), the previous row's when the bytes are the same.</summary>
    public Nino IdentityNino(Column column, RepeatedField<Nino> previous)
    {
        var span = Span(column);
        if (previous.Matches(span))
        {
            return previous.Value;
        }

        var value = Nino.ParseSpan(IdentityChars(column, span));
        if (lastReadable)
        {
            previous.Remember(span, value);
        }

        return value;
    }

    /// <summary>
    /// The normalised postcode of an identity field (<see cref="Identity"/>'s rule), the previous row's when the bytes
    /// are the same; an ASCII one (nearly all) is <paramref name="pool"/>'s string when a pool is given.
    /// </summary>
    public string IdentityPostcode(Column column, RepeatedField<string> previous, SharedStringPool? pool = null)
    {
        var span = Span(column);
        if (previous.Matches(span))
        {
            return previous.Value;
        }

        string value;
        if (pool is not null && span.Length <= ColumnStringPool.MaxPooledBytes && FieldText.IsPlainAscii(span))
        {
            // IdentityChars' ASCII case, which always reads, normalised without the characters or a string.
            lastReadable = true;
            value = pool.Get(Postcodes.NormaliseAscii(span, stackalloc byte[span.Length]));
        }
        else
        {
            value = Postcodes.Normalise(IdentityChars(column, span));
        }
        if (lastReadable)
        {
            previous.Remember(span, value);
        }

        return value;
    }

    /// <summary>
    /// A field the matcher compares (NINo, names, postcode): invalid UTF-8 reads as blank with a warning;
    /// over-long rejects the row. <paramref name="pool"/> serves a column whose values repeat.
    /// </summary>
    public string Identity(Column column, ColumnStringPool? pool = null)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            return "";
        }

        if (span.Length > MaxFieldBytes)
        {
            Reject($"{column.Name}: too long");
            return "";
        }

        return CheckedText(column, span, rejectBad: false, pool);
    }

    /// <summary>
    /// Any other text (office, district, area, employer reference): anything unreadable reads as blank with a warning.
    /// <paramref name="pool"/> serves a column whose values repeat.
    /// </summary>
    public string Optional(Column column, ColumnStringPool? pool = null)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            return "";
        }

        if (span.Length > MaxFieldBytes)
        {
            Warn();
            return "";
        }

        return CheckedText(column, span, rejectBad: false, pool);
    }

    /// <summary>
    /// <see cref="Optional(Column, ColumnStringPool?)"/>'s text as UTF-8, for a field that is only staged and so never needs to
    /// become a string: the same warnings, and exactly the bytes that string encodes to (valid UTF-8 without NUL, trimmed
    /// of what <see cref="string.Trim()"/> removes). Valid until the next field is read: the field's own bytes, or this
    /// reader's buffer for the rare non-ASCII value.
    /// </summary>
    public ReadOnlySpan<byte> OptionalUtf8(Column column)
    {
        var span = Span(column);
        if (span.IsEmpty)
        {
            return default;
        }

        if (span.Length > MaxFieldBytes)
        {
            Warn();
            return default;
        }

        if (FieldText.IsPlainAscii(span))
        {
            lastReadable = true;
            return FieldText.TrimAscii(span);
        }

        lastReadable = IsReadable(span);
        if (!lastReadable)
        {
            Warn();
            return default;
        }

        // Decoded and trimmed as FieldText.FromUtf8 does, then encoded back: valid UTF-8 decodes and encodes back to the
        // same bytes, so this is that string's UTF-8 without the string.
        var trimmed = chars.AsSpan(0, Encoding.UTF8.GetChars(span, chars)).Trim();
        return trimmedUtf8.AsSpan(0, Encoding.UTF8.GetBytes(trimmed, trimmedUtf8));
    }

    public DateOnly RequiredDate(Column column)
    {
        var span = Span(column);
        if (IsBlank(span))
        {
            Reject($"{column.Name}: missing");
            return default;
        }

        if (!Utf8Values.TryParseDate(span, out var date))
        {
            Reject($"{column.Name}: unreadable date");
        }

        return date;
    }

    public DateOnly? OptionalDate(Column column)
    {
        var span = Span(column);
        if (IsBlank(span))
        {
            return null;
        }

        if (Utf8Values.TryParseDate(span, out var date))
        {
            return date;
        }

        Warn();
        return null;
    }

    public bool Flag(Column column)
    {
        if (Utf8Values.TryParseFlag(Span(column), out var value))
        {
            return value;
        }

        Warn();
        return false;
    }

    public static bool IsBlank(ReadOnlySpan<byte> span) => span.Trim((byte)' ').IsEmpty;

    /// <summary>Text that no rule warns about or rejects: within <see cref="MaxFieldBytes"/>, valid UTF-8, no NUL.</summary>
    private static bool IsReadable(ReadOnlySpan<byte> span) => span.Length <= MaxFieldBytes && Utf8.IsValid(span) && !span.Contains((byte)0);

    private string CheckedText(Column column, ReadOnlySpan<byte> span, bool rejectBad, ColumnStringPool? pool)
    {
        // The common case in one pass: ASCII without NUL is readable, and its string is made (or found) here.
        // Quoted values keep their inner spaces in CsvHelper; identifiers and names never mean them.
        if (span.Length <= MaxFieldBytes && FieldText.IsPlainAscii(span))
        {
            lastReadable = true;
            var trimmed = FieldText.TrimAscii(span);
            return pool is null ? FieldText.FromAscii(trimmed) : pool.Get(trimmed);
        }

        // A NUL byte is valid UTF-8 but no PostgreSQL text value can hold it: staged, it would fail every run that
        // includes the file, so it is unreadable here like any other byte that is not text.
        lastReadable = IsReadable(span);
        if (!lastReadable)
        {
            if (rejectBad)
            {
                Reject(span.Length > MaxFieldBytes ? $"{column.Name}: too long"
                    : span.Contains((byte)0) ? $"{column.Name}: NUL byte" : $"{column.Name}: invalid UTF-8");
            }
            else
            {
                Warn();
            }

            return "";
        }

        return FieldText.FromUtf8(span);
    }

    /// <summary>
    /// <see cref="Identity"/>'s value as characters in this reader's buffer (valid until the next call), for a field
    /// that is normalised into a string of its own, so the value as recorded never becomes one.
    /// </summary>
    private ReadOnlySpan<char> IdentityChars(Column column, ReadOnlySpan<byte> span)
    {
        lastReadable = true;
        if (span.IsEmpty)
        {
            return default;
        }

        if (span.Length > MaxFieldBytes)
        {
            lastReadable = false;
            Reject($"{column.Name}: too long");
            return default;
        }

        if (FieldText.IsPlainAscii(span))
        {
            // ASCII widens one byte to one character; the span is at most MaxFieldBytes, the buffer's size.
            _ = Ascii.ToUtf16(span, chars, out var widened);
            return chars.AsSpan(0, widened).Trim();
        }

        if (!IsReadable(span))
        {
            lastReadable = false;
            Warn();
            return default;
        }

        return chars.AsSpan(0, Encoding.UTF8.GetChars(span, chars)).Trim();
    }
}
