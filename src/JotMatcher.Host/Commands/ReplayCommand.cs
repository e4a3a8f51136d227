using System.CommandLine;
using JotMatcher.Host.Replay;
using JotMatcher.Host.Runs;
using JotMatcher.Host.Storage;
using JotMatcher.Infrastructure.Export;
using Microsoft.Extensions.DependencyInjection;

namespace JotMatcher.Host.Commands;

/// <summary><c>jot replay --dataset DIR --out DIR [--verify]</c>: auditors replaying a dataset in isolation.</summary>
internal static class ReplayCommand
{
    /// <summary>Differences printed before the rest are summarised as a count.</summary>
    private const int MaxPrintedDifferences = 50;

    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset")
        {
            Description = "Dataset folder: claims/, hmrc/, optional reference/, manifest.json and expected/.",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder the export files are written to (created if missing).",
            Required = true,
        };
        var verify = new Option<bool>("--verify")
        {
            Description = "Compare the exports with the dataset's expected/ files; exit 1 on any difference.",
        };
        var model = new Option<FileInfo?>("--model")
        {
            Description = "A model.json from an earlier run: score with exactly its weights instead of estimating them.",
        };
        var timings = new Option<FileInfo>("--timings")
        {
            Description = "Also write each step's wall-clock seconds to this JSON file (for scripts/bench).",
        };
        var command = new Command("replay", "Replay a dataset in isolation and write its export files (SPEC §6); same dataset, same bytes.")
        {
            dataset, output, verify, model, timings,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var datasetDirectory = parse.GetRequiredValue(dataset);
            if (!datasetDirectory.Exists)
            {
                Console.Error.WriteLine($"jot replay: dataset folder not found: {datasetDirectory.FullName}");
                return ExitCodes.BadUsage;
            }

            var modelFile = parse.GetValue(model);
            if (modelFile is { Exists: false })
            {
                Console.Error.WriteLine($"jot replay: model file not found: {modelFile.FullName}");
                return ExitCodes.BadUsage;
            }

            using var host = JotHost.Build();
            var replay = host.Services.GetRequiredService<ReplayService>();
            using var phases = parse.GetValue(timings) is null ? null : new PhaseTimings(TimeProvider.System);
            ReplayOutcome outcome;
            try
            {
                outcome = await replay.ReplayAsync(datasetDirectory.FullName, parse.GetRequiredValue(output).FullName, parse.GetValue(verify),
                    modelFile is null ? null : await File.ReadAllTextAsync(modelFile.FullName, cancellationToken),
                    phases, cancellationToken);
            }
            catch (Exception e) when (DatabaseFailures.Report("replay", e) is { } exitCode)
            {
                return exitCode;
            }

            phases?.WriteJson(parse.GetValue(timings)!.FullName);
            var summary = outcome.Summary;
            Console.Out.WriteLine(
                $"replay: {summary.Totals.RowsRead} rows read, {summary.Rejects} rejected; {summary.Outcomes} outcomes, " +
                $"{summary.ReviewCases} review cases, {summary.Referrals} referrals, {summary.TotalPoints} points");
            if (outcome.Verification is not { } verification)
            {
                return ExitCodes.Success;
            }

            return PrintVerification(verification);
        });
        return command;
    }

    private static int PrintVerification(ExportComparison verification)
    {
        if (verification.Identical)
        {
            Console.Out.WriteLine($"verify: identical ({string.Join(", ", verification.FilesCompared)})");
            return ExitCodes.Success;
        }

        foreach (var missing in verification.MissingFiles)
        {
            Console.Out.WriteLine($"verify: {missing} expected but not written");
        }

        foreach (var d in verification.Differences.Take(MaxPrintedDifferences))
        {
            var side = d.Side == '-' ? "expected only" : "actual only  ";
            Console.Out.WriteLine($"verify: {d.File} line {d.Line} {side}: {d.Text}");
        }

        if (verification.Differences.Count > MaxPrintedDifferences)
        {
            Console.Out.WriteLine($"verify: ... and {verification.Differences.Count - MaxPrintedDifferences} more differing lines");
        }

        Console.Out.WriteLine($"verify: DIFFERENT ({verification.Differences.Count} differing lines, {verification.MissingFiles.Count} missing files)");
        return ExitCodes.Difference;
    }
}
