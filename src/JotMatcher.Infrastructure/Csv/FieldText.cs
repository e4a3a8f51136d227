using System.Text;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// A field's text from its UTF-8 bytes, as CsvHelper's <c>GetString(i).Trim()</c> gives it, decoded once from the span
/// the checks already read. Nearly every field is plain ASCII, which one vectorised pass tells apart (it also finds a
/// NUL), and whose whitespace by <see cref="char.IsWhiteSpace(char)"/> is exactly tab to carriage return and space,
/// so it is trimmed as bytes and widened without a UTF-8 decoder; anything else takes the general path.
/// </summary>
internal static class FieldText
{
    /// <summary>The ASCII characters <see cref="string.Trim()"/> removes: U+0009 to U+000D and U+0020.</summary>
    private static ReadOnlySpan<byte> AsciiWhitespace => "\t\n\v\f\r "u8;

    /// <summary>True when every byte is ASCII and none is NUL: valid UTF-8 that PostgreSQL text can hold, as is.</summary>
    public static bool IsPlainAscii(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyExceptInRange((byte)1, (byte)0x7F) < 0;

    /// <summary><paramref name="ascii"/> (<see cref="IsPlainAscii"/>) without the whitespace around it.</summary>
    public static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> ascii)
        => ascii.IsEmpty || (ascii[0] > (byte)' ' && ascii[^1] > (byte)' ') ? ascii : ascii.Trim(AsciiWhitespace);

    /// <summary>A new string of <paramref name="ascii"/> (<see cref="IsPlainAscii"/>): each byte widened to its character.</summary>
    public static string FromAscii(ReadOnlySpan<byte> ascii) => ascii.IsEmpty ? "" : Encoding.Latin1.GetString(ascii);

    /// <summary>
    /// Valid UTF-8 without NUL that is not all ASCII: decoded whole, then trimmed of every Unicode space, as
    /// <c>GetString(i).Trim()</c> does (a no-break space around a name goes too).
    /// </summary>
    public static string FromUtf8(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8).Trim();
}
