using System.CommandLine;
using JotMatcher.Host.Reporting;
using JotMatcher.Host.Runs;
using JotMatcher.Host.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JotMatcher.Host.Commands;

/// <summary><c>jot report [--month YYYY-MM | --year YYYY-YY] [--format table|csv]</c>: points by district and priority group against the profile.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var month = new Option<string?>("--month") { Description = "One month (YYYY-MM) against its profile." };
        var year = new Option<string?>("--year") { Description = "A performance year (YYYY-YY, April to March) to date; default the latest with results." };
        var format = new Option<string?>("--format") { Description = "table (default on a terminal) or csv (default when output is redirected)." };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("report", "Points by district and priority group against the profile (year to date by default).")
        {
            month, year, format,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(month) is not null && result.GetValue(year) is not null)
            {
                result.AddError("give --month or --year, not both");
            }
        });
        command.SetAction((parse, cancellationToken) => ReportAsync(parse.GetValue(month), parse.GetValue(year), parse.GetValue(format), cancellationToken));
        return command;
    }

    private static async Task<int> ReportAsync(string? month, string? year, string? format, CancellationToken cancellationToken)
    {
        if (month is not null && !OpenMonths.IsMonth(month))
        {
            await Console.Error.WriteLineAsync($"jot report: --month must be YYYY-MM, not '{month}'");
            return ExitCodes.BadUsage;
        }

        if (year is not null && !ReportService.IsPerformanceYear(year))
        {
            await Console.Error.WriteLineAsync($"jot report: --year must be a performance year YYYY-YY (e.g. 2007-08), not '{year}'");
            return ExitCodes.BadUsage;
        }

        using var host = JotHost.Build();
        try
        {
            var (report, title) = await host.Services.GetRequiredService<ReportService>().ReadAsync(month, year, cancellationToken);
            if (report is null)
            {
                await Console.Error.WriteLineAsync("jot report: no results stored yet; run `jot run` first");
                return ExitCodes.Success;
            }

            if ((format ?? (Console.IsOutputRedirected ? "csv" : "table")) == "csv")
            {
                DistrictReportPrinter.Csv(Console.Out, report);
            }
            else
            {
                DistrictReportPrinter.Table(AnsiConsole.Console, report, title);
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (DatabaseFailures.Report("report", e) is { } exitCode)
        {
            return exitCode;
        }
    }
}
