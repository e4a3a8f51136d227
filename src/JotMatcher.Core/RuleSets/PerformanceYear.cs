using System.Globalization;

namespace JotMatcher.Core.RuleSets;

/// <summary>
/// The JOT performance year, April to March (SPEC §4), named <c>YYYY-YY</c>: <c>2007-08</c> runs from
/// 2007-04-01 to 2008-03-31. Held as the calendar year it starts in.
/// </summary>
public static class PerformanceYear
{
    /// <summary>The calendar year in which the performance year containing <paramref name="date"/> starts.</summary>
    public static int StartYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary><c>YYYY-YY</c> for the performance year starting in April of <paramref name="startYear"/>.</summary>
    public static string Name(int startYear)
        => string.Create(CultureInfo.InvariantCulture, $"{startYear:D4}-{(startYear + 1) % 100:D2}");

    /// <summary>Reads <c>YYYY-YY</c> where the second part is the year after the first (so <c>2007-09</c> is refused).</summary>
    public static bool TryParse(string? name, out int startYear)
    {
        startYear = 0;
        if (name is not { Length: 7 } || name[4] != '-'
            || !int.TryParse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(name.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || second != (first + 1) % 100)
        {
            return false;
        }

        startYear = first;
        return true;
    }

    /// <summary>The first day (1 April) of the performance year starting in <paramref name="startYear"/>.</summary>
    public static DateOnly FirstDay(int startYear) => new(startYear, 4, 1);
}
