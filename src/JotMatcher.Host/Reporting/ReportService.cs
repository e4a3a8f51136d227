using System.Text.RegularExpressions;
using JotMatcher.Host.Storage;
using JotMatcher.Infrastructure.Postgres.Reporting;

namespace JotMatcher.Host.Reporting;

/// <summary>Reads the district report for a month, a performance year, or (by default) the latest year with results.</summary>
internal sealed partial class ReportService(DatabaseOpener opener)
{
    public async Task<(DistrictReport? Report, string Title)> ReadAsync(string? month, string? year, CancellationToken cancellationToken)
    {
        await using var database = await opener.OpenAsync(scratch: false, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (month is not null)
        {
            return (await DistrictReportQuery.MonthAsync(connection, month, cancellationToken), $"Points in {month} against the profile");
        }

        year ??= await DistrictReportQuery.LatestYearAsync(connection, cancellationToken);
        if (year is null)
        {
            return (null, "");
        }

        return (await DistrictReportQuery.YearToDateAsync(connection, year, cancellationToken), $"Year to date {year}: points against the profile");
    }

    /// <summary>A performance year <c>YYYY-YY</c> whose second part is the year after the first.</summary>
    public static bool IsPerformanceYear(string text)
    {
        if (!PerformanceYearPattern().IsMatch(text))
        {
            return false;
        }

        var start = int.Parse(text.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        var end = int.Parse(text.AsSpan(5, 2), System.Globalization.CultureInfo.InvariantCulture);
        return (start + 1) % 100 == end;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}$")]
    private static partial Regex PerformanceYearPattern();
}
