using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>Code columns shared by both input kinds.</summary>
internal static class Codes
{
    /// <summary><c>M</c>, <c>F</c> or blank (any case); anything else is unreadable and reads as unknown.</summary>
    public static Sex ReadSex(RowFields row, Column sex)
    {
        var s = row.Span(sex).Trim((byte)' ');
        if (s.IsEmpty)
        {
            return Sex.Unknown;
        }

        if (s.Length == 1 && (s[0] | 0x20) == 'm')
        {
            return Sex.Male;
        }

        if (s.Length == 1 && (s[0] | 0x20) == 'f')
        {
            return Sex.Female;
        }

        row.Warn();
        return Sex.Unknown;
    }
}
