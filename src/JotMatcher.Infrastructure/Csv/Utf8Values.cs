using System.Text;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// Parsers for the small value types of SPEC §2, straight from a field's UTF-8 bytes so that dates, flags and
/// codes never become strings. Each returns false for anything it cannot read exactly.
/// </summary>
internal static class Utf8Values
{
    /// <summary><c>YYYY-MM-DD</c> or <c>DD/MM/YYYY</c>; impossible dates (2007-02-30) are unreadable.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        s = s.Trim((byte)' ');
        if (s.Length != 10)
        {
            return false;
        }

        int year, month, day;
        if (s[4] == '-' && s[7] == '-')
        {
            if (!TryDigits(s[..4], out year) || !TryDigits(s.Slice(5, 2), out month) || !TryDigits(s.Slice(8, 2), out day))
            {
                return false;
            }
        }
        else if (s[2] == '/' && s[5] == '/')
        {
            if (!TryDigits(s[..2], out day) || !TryDigits(s.Slice(3, 2), out month) || !TryDigits(s.Slice(6, 4), out year))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>SPEC §2 Y/N flag: <c>Y</c> or <c>N</c> in any case; blank is N.</summary>
    public static bool TryParseFlag(ReadOnlySpan<byte> s, out bool value)
    {
        s = s.Trim((byte)' ');
        value = s.Length == 1 && (s[0] | 0x20) == 'y';
        return s.Length == 0 || (s.Length == 1 && (s[0] | 0x20) is (byte)'y' or (byte)'n');
    }

    /// <summary>True when <paramref name="s"/> equals the ASCII upper-case <paramref name="code"/>, ignoring ASCII case.</summary>
    public static bool IsCode(ReadOnlySpan<byte> s, ReadOnlySpan<byte> code) => Ascii.EqualsIgnoreCase(s, code);

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
