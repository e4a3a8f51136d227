using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JotMatcher.Core.Evaluation;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Commands;

/// <summary>
/// <c>jot evaluate --dataset DIR --truth FILE</c>: runs the matcher on a dataset in memory (nothing stored) and prints
/// precision, recall and F1 against the truth file, overall and per pass, the blocking recall, the candidate pairs per
/// blocking rule, and — when the dataset has <c>truth-outcomes.csv</c> — how many correctly linked outcomes earned
/// exactly the right points. Ids and counts only: no personal data reaches the console or the optional files.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset") { Description = "Dataset folder: claims/, hmrc/, optional reference/ and manifest.json.", Required = true };
        var truth = new Option<FileInfo>("--truth") { Description = "CSV of true pairs: hmrc_id, claim_id.", Required = true };
        var details = new Option<FileInfo?>("--details") { Description = "Also write every missed true pair and wrong link (ids, pass, score) to this CSV." };
        var modelOut = new Option<FileInfo?>("--model-out") { Description = "Also write the fitted match model (model.json format) to this file." };
        var command = new Command("evaluate", "Measure match quality on a dataset against a truth file of true pairs.")
        {
            dataset, truth, details, modelOut,
        };
        command.SetAction(parse =>
        {
            var datasetDirectory = parse.GetRequiredValue(dataset);
            var truthFile = parse.GetRequiredValue(truth);
            if (!datasetDirectory.Exists || !truthFile.Exists)
            {
                parse.InvocationConfiguration.Error.WriteLine($"jot evaluate: not found: {(datasetDirectory.Exists ? truthFile.FullName : datasetDirectory.FullName)}");
                return ExitCodes.BadUsage;
            }

            using var host = JotHost.Build();
            var settings = host.Services.GetRequiredService<IOptions<MatchingSettings>>().Value;
            return Evaluate(datasetDirectory.FullName, truthFile.FullName, parse.GetValue(details), parse.GetValue(modelOut), settings,
                parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Evaluate(string datasetDirectory, string truthFile, FileInfo? detailsFile, FileInfo? modelFile, MatchingSettings settings, TextWriter output)
    {
        var truth = TruthFileReader.ReadPairs(truthFile);
        var truthOutcomes = TruthFileReader.ReadOutcomesIfPresent(datasetDirectory);
        var data = DatasetReader.ReadDataset(datasetDirectory);
        var input = RunInput.For(data.Claims, data.Employments, data.Reference, data.Manifest);

        var clock = Stopwatch.StartNew();
        var result = JobOutcomeRun.Execute(input, settings);
        var seconds = clock.Elapsed.TotalSeconds;

        var report = MatchEvaluator.Evaluate(input.Claims, input.Employments, result, truth, truthOutcomes);
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"dataset: {input.Claims.Count} claim spells, {input.Employments.Count} HMRC records, {truth.Count} truth rows; matched and attributed in {seconds:F2} s\n"));
        output.Write(EvaluationReportText.Format(report));
        if (modelFile is not null)
        {
            File.WriteAllText(modelFile.FullName, result.Match.Diagnostics.ModelJson);
        }

        if (detailsFile is not null)
        {
            EvaluationDetailsFile.Write(detailsFile.FullName, MatchEvaluator.Discrepancies(input.Claims, input.Employments, result, truth));
        }

        return ExitCodes.Success;
    }
}
