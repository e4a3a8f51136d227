using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JotMatcher.Core.Evaluation;
using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Evaluation;

namespace JotMatcher.Host.Commands;

/// <summary>
/// <c>jot evaluate --dataset DIR --truth FILE</c>: runs the matcher on a dataset in memory (nothing stored, nothing
/// written) and prints precision, recall and F1 against the truth file, overall and per pass, the blocking recall,
/// the candidate pairs per blocking rule, and — when the dataset has <c>truth-outcomes.csv</c> — how many correctly
/// linked outcomes earned exactly the right points. Ids and counts only: no personal data reaches the console.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset") { Description = "Dataset directory (claims/, hmrc/, reference/, manifest.json).", Required = true };
        var truth = new Option<FileInfo>("--truth") { Description = "CSV of true pairs: hmrc_id, claim_id.", Required = true };
        var details = new Option<FileInfo?>("--details") { Description = "Also write every missed true pair and wrong link (ids, pass, score) to this CSV." };
        var modelOut = new Option<FileInfo?>("--model-out") { Description = "Also write the fitted match model (JSON) to this file." };
        var command = new Command("evaluate", "Measure match quality on a dataset against a truth file.");
        command.Options.Add(dataset);
        command.Options.Add(truth);
        command.Options.Add(details);
        command.Options.Add(modelOut);
        command.SetAction(parse => Run(parse.GetValue(dataset)!, parse.GetValue(truth)!, parse.GetValue(details), parse.GetValue(modelOut),
            parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(DirectoryInfo datasetDirectory, FileInfo truthFile, FileInfo? detailsFile, FileInfo? modelFile, TextWriter output)
    {
        if (!datasetDirectory.Exists)
        {
            Console.Error.WriteLine($"dataset directory not found: {datasetDirectory.FullName}");
            return ExitCodes.BadUsage;
        }

        if (!truthFile.Exists)
        {
            Console.Error.WriteLine($"truth file not found: {truthFile.FullName}");
            return ExitCodes.BadUsage;
        }

        var truth = TruthFileReader.ReadPairs(truthFile.FullName);
        var truthOutcomes = TruthFileReader.ReadOutcomesIfPresent(datasetDirectory.FullName);
        var data = DatasetReader.ReadDataset(datasetDirectory.FullName);
        var claims = data.Claims;
        var employments = data.Employments;
        var input = new RunInput(
            claims,
            employments,
            data.Reference,
            RuleSetCatalog.LoadBundled().WithOverrides(data.Manifest.RuleSetOverrides),
            data.Manifest.AsOf ?? JobOutcomeRun.InferAsOf(employments));

        var clock = Stopwatch.StartNew();
        var result = JobOutcomeRun.Execute(input, new MatchingSettings());
        var seconds = clock.Elapsed.TotalSeconds;

        var report = MatchEvaluator.Evaluate(claims, employments, result, truth, truthOutcomes);
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"dataset: {claims.Count} claim spells, {employments.Count} HMRC records, {truth.Count} truth rows; matched and attributed in {seconds:F2} s\n"));
        output.Write(EvaluationReportText.Format(report));
        if (modelFile is not null)
        {
            File.WriteAllText(modelFile.FullName, result.Match.Diagnostics.ModelJson);
        }

        if (detailsFile is not null)
        {
            EvaluationDetailsFile.Write(detailsFile.FullName, MatchEvaluator.Discrepancies(claims, employments, result, truth));
        }

        return ExitCodes.Success;
    }
}
