using System.Globalization;
using JotMatcher.Infrastructure.Postgres.Reporting;
using Spectre.Console;

namespace JotMatcher.Host.Reporting;

/// <summary>Prints a <see cref="DistrictReport"/>: a Spectre table for people, CSV (invariant, LF) for machines.</summary>
internal static class DistrictReportPrinter
{
    private static readonly string[] CsvHeader =
        ["period", "district_code", "group_1_points", "group_2_points", "group_3_points", "group_4_points", "group_5_points", "points", "profile", "pct_achieved"];

    public static void Table(IAnsiConsole console, DistrictReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        table.AddColumn("District");
        for (var g = 1; g <= 5; g++)
        {
            table.AddColumn(new TableColumn(Invariant($"G{g}")).RightAligned());
        }

        table.AddColumn(new TableColumn("Points").RightAligned());
        table.AddColumn(new TableColumn("Profile").RightAligned());
        table.AddColumn(new TableColumn("Achieved").RightAligned());
        foreach (var row in report.Rows)
        {
            table.AddRow(Cells(row));
        }

        table.AddEmptyRow();
        table.AddRow(Cells(report.Total()));
        table.Caption = new TableTitle(report.Months.Count == 0
            ? "G1-G5: points by priority group; no month of this period has results yet"
            : Markup.Escape("G1-G5: points by priority group; months with results: " + string.Join(", ", report.Months)));
        console.Write(table);
    }

    public static void Csv(TextWriter output, DistrictReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.Write(string.Join(',', CsvHeader) + "\n");
        foreach (var row in report.Rows)
        {
            // District codes are reference codes; quote one that holds a comma or quote, and neutralise a formula.
            var fields = new List<string> { CsvText(report.Period), CsvText(row.DistrictCode) };
            fields.AddRange(row.PointsByGroup.Select(p => p.ToString(CultureInfo.InvariantCulture)));
            fields.Add(row.Points.ToString(CultureInfo.InvariantCulture));
            fields.Add(row.Profile.ToString(CultureInfo.InvariantCulture));
            fields.Add(row.PctAchieved?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
            output.Write(string.Join(',', fields) + "\n");
        }
    }

    private static string[] Cells(DistrictReportRow row)
    {
        var cells = new List<string> { Markup.Escape(row.DistrictCode) };
        cells.AddRange(row.PointsByGroup.Select(p => p.ToString("N0", CultureInfo.InvariantCulture)));
        cells.Add(row.Points.ToString("N0", CultureInfo.InvariantCulture));
        cells.Add(row.Profile.ToString("N0", CultureInfo.InvariantCulture));
        cells.Add(row.PctAchieved is { } pct ? pct.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-");
        return [.. cells];
    }

    private static string CsvText(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
