using System.Globalization;
using JotMatcher.Core.Runs;

namespace JotMatcher.Host.Runs;

/// <summary>
/// Which months a run replaces. HMRC learns of job starts for about six months (SPEC §1), so a nightly run replaces
/// the as-of month and the five before it, plus any month with results that was never stored (a first run stores
/// everything). A replay stores every month it has rows for; an operator's re-run the one month asked for.
/// </summary>
internal static class OpenMonths
{
    public const int OpenMonthCount = 6;

    public static IReadOnlyList<string> Nightly(DateOnly asOf, IEnumerable<string> monthsWithRows, IReadOnlySet<string> monthsStored)
    {
        var months = new SortedSet<string>(StringComparer.Ordinal);
        var first = new DateOnly(asOf.Year, asOf.Month, 1);
        for (var i = 0; i < OpenMonthCount; i++)
        {
            months.Add(Format(first.AddMonths(-i)));
        }

        foreach (var month in monthsWithRows)
        {
            if (!monthsStored.Contains(month))
            {
                months.Add(month);
            }
        }

        return [.. months];
    }

    /// <summary>Every month a result has a row in: outcomes, referrals, review cases and matched links.</summary>
    public static SortedSet<string> WithRows(RunResult result)
    {
        // Distinct days first (a few thousand), each formatted once: not a string per link.
        var days = new HashSet<int>();
        foreach (var link in result.Match.Links)
        {
            days.Add(link.Employment.EmploymentStart.DayNumber);
        }

        foreach (var review in result.Match.Reviews)
        {
            days.Add(review.Employment.EmploymentStart.DayNumber);
        }

        var months = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            months.Add(Format(DateOnly.FromDayNumber(day)));
        }

        return months;
    }

    /// <summary>True for <c>YYYY-MM</c> with a month 01–12.</summary>
    public static bool IsMonth(string text)
        => text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
