namespace JotMatcher.Infrastructure.Postgres.Reporting;

/// <summary>Points by district and priority group against the profile, for one month or a performance year to date.</summary>
/// <param name="Period">What the report covers, e.g. <c>2007-08</c> or <c>2007-08 (month)</c>.</param>
/// <param name="Months">The months with results that the report covers, ascending.</param>
public sealed record DistrictReport(string Period, IReadOnlyList<string> Months, IReadOnlyList<DistrictReportRow> Rows)
{
    public DistrictReportRow Total()
    {
        var groups = new long[5];
        long points = 0, profile = 0;
        foreach (var row in Rows)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g] += row.PointsByGroup[g];
            }

            points += row.Points;
            profile += row.Profile;
        }

        return new DistrictReportRow("TOTAL", groups, points, profile, DistrictReportRow.PercentAchieved(points, profile));
    }
}

/// <summary>One district: points of each priority group (1–5), total points, profile and % achieved (null without a profile).</summary>
public sealed record DistrictReportRow(string DistrictCode, IReadOnlyList<long> PointsByGroup, long Points, long Profile, decimal? PctAchieved)
{
    public static decimal? PercentAchieved(long points, long profile)
        => profile > 0 ? Math.Round(100m * points / profile, 1, MidpointRounding.AwayFromZero) : null;
}
