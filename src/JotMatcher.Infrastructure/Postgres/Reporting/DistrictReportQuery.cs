using Dapper;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres.Reporting;

/// <summary>Reads <see cref="DistrictReport"/> from the reporting views — the same ones analysts read.</summary>
public static class DistrictReportQuery
{
    /// <summary>The performance year (YYYY-YY) of the latest month with results, or null when nothing has run.</summary>
    public static async Task<string?> LatestYearAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        => await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            SELECT c.performance_year FROM reporting.month_calendar c JOIN jot.month_result r USING (month)
            ORDER BY c.month DESC LIMIT 1
            """, cancellationToken: cancellationToken));

    public static async Task<DistrictReport> YearToDateAsync(NpgsqlConnection connection, string performanceYear, CancellationToken cancellationToken)
    {
        var param = new { year = performanceYear };
        var months = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT r.month FROM jot.month_result r JOIN reporting.month_calendar c USING (month)
            WHERE c.performance_year = @year ORDER BY r.month
            """, param, cancellationToken: cancellationToken));
        var groups = await connection.QueryAsync<(string District, int Group, long Points)>(new CommandDefinition("""
            SELECT district_code, priority_group::int, points FROM reporting.year_to_date_by_group WHERE performance_year = @year
            """, param, cancellationToken: cancellationToken));
        var totals = await connection.QueryAsync<(string District, long Points, long Profile)>(new CommandDefinition("""
            SELECT district_code, points, profile FROM reporting.year_to_date WHERE performance_year = @year
            """, param, cancellationToken: cancellationToken));
        return Assemble(performanceYear, [.. months], groups, totals);
    }

    public static async Task<DistrictReport> MonthAsync(NpgsqlConnection connection, string month, CancellationToken cancellationToken)
    {
        var param = new { month };
        var months = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT month FROM jot.month_result WHERE month = @month", param, cancellationToken: cancellationToken));
        var groups = await connection.QueryAsync<(string District, int Group, long Points)>(new CommandDefinition("""
            SELECT district_code, priority_group::int, sum(points)::bigint FROM reporting.points_by_month WHERE month = @month
            GROUP BY district_code, priority_group
            """, param, cancellationToken: cancellationToken));
        var totals = await connection.QueryAsync<(string District, long Points, long Profile)>(new CommandDefinition("""
            SELECT district_code, points, profile FROM reporting.month_vs_profile WHERE month = @month
            """, param, cancellationToken: cancellationToken));
        return Assemble(month, [.. months], groups, totals);
    }

    private static DistrictReport Assemble(
        string period, IReadOnlyList<string> months, IEnumerable<(string District, int Group, long Points)> groups, IEnumerable<(string District, long Points, long Profile)> totals)
    {
        var byDistrict = new SortedDictionary<string, (long[] Groups, long Points, long Profile)>(StringComparer.Ordinal);
        foreach (var (district, points, profile) in totals)
        {
            byDistrict[district] = (new long[5], points, profile);
        }

        foreach (var (district, group, points) in groups)
        {
            if (!byDistrict.TryGetValue(district, out var row))
            {
                row = (new long[5], 0, 0);
                byDistrict[district] = row;
            }

            row.Groups[group - 1] += points;
        }

        var rows = byDistrict.Select(d => new DistrictReportRow(d.Key, d.Value.Groups, d.Value.Points, d.Value.Profile, DistrictReportRow.PercentAchieved(d.Value.Points, d.Value.Profile))).ToList();
        return new DistrictReport(period, months, rows);
    }
}
