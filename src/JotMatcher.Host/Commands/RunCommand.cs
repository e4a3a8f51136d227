using System.CommandLine;
using JotMatcher.Host.Runs;
using JotMatcher.Host.Storage;
using JotMatcher.Infrastructure.Postgres.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Commands;

/// <summary>
/// <c>jot run [--month YYYY-MM] [--inbox DIR] [--out DIR]</c>: stage the inbox's new files, match over everything
/// staged, replace the open months (or the one month asked for) atomically and print what changed (SPEC §5).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var month = new Option<string?>("--month")
        {
            Description = "Re-run one month (YYYY-MM): replace its results and print what changed since its previous run.",
        };
        var inbox = new Option<DirectoryInfo?>("--inbox")
        {
            Description = "Dataset folder to stage from (claims/, hmrc/, reference/, manifest.json); default Jot:Inbox (sample-data/basic).",
        };
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Also write the export files (SPEC §6) of the run to this folder.",
        };
        var command = new Command("run", "Stage the inbox, match, award and store; without --month every month still open (the last six).")
        {
            month, inbox, output,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(month), parse.GetValue(inbox), parse.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? month, DirectoryInfo? inbox, DirectoryInfo? output, CancellationToken cancellationToken)
    {
        if (month is not null && !OpenMonths.IsMonth(month))
        {
            await Console.Error.WriteLineAsync($"jot run: --month must be YYYY-MM (e.g. 2007-08), not '{month}'");
            return ExitCodes.BadUsage;
        }

        using var host = JotHost.Build();
        var folder = inbox?.FullName ?? Path.GetFullPath(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Inbox);
        if (!Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"jot run: inbox folder not found: {folder} (give --inbox DIR or set Jot:Inbox)");
            return ExitCodes.BadUsage;
        }

        var kind = month is null ? RunKind.Nightly : RunKind.Month;
        var request = new RunRequest(kind, folder, month, output?.FullName);
        try
        {
            await using var database = await host.Services.GetRequiredService<DatabaseOpener>().OpenAsync(scratch: false, cancellationToken);
            var service = host.Services.GetRequiredService<RunService>();
            var logger = host.Services.GetRequiredService<ILogger<RunService>>();
            var report = await RunProgress.ShowAsync(logger, TimeProvider.System, progress => service.RunAsync(database, request, progress, cancellationToken));
            RunReportPrinter.Print(Console.Out, report, kind == RunKind.Nightly ? "nightly" : "month re-run");
            return report.NewRejects > 0 ? ExitCodes.Difference : ExitCodes.Success;
        }
        catch (Exception e) when (DatabaseFailures.Report("run", e) is { } exitCode)
        {
            return exitCode;
        }
    }
}
