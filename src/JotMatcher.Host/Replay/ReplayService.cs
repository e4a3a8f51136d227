using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Export;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Replay;

/// <summary>What a replay produced: the summary of the run and, when asked, the comparison with <c>expected/</c>.</summary>
internal sealed record ReplayOutcome(RunSummary Summary, ExportComparison? Verification);

/// <summary>
/// Auditors' replay (SPEC §5): a dataset read in isolation, matched and awarded under its own manifest, exported
/// to a folder, optionally verified against the dataset's <c>expected/</c> files.
/// </summary>
internal sealed partial class ReplayService(IOptions<MatchingSettings> matching, ILogger<ReplayService> logger)
{
    public ReplayOutcome Replay(string datasetDirectory, string outDirectory, bool verify)
    {
        var dataset = DatasetReader.ReadDataset(datasetDirectory);
        var rules = RuleSetCatalog.LoadBundled().WithOverrides(dataset.Manifest.RuleSetOverrides);
        var employments = dataset.Employments;
        var asOf = dataset.Manifest.AsOf ?? JobOutcomeRun.InferAsOf(employments);
        var input = new RunInput(dataset.Claims, employments, dataset.Reference, rules, asOf);
        var result = JobOutcomeRun.Execute(input, matching.Value);

        var exports = ExportSet.From(dataset, result);
        ExportWriter.Write(outDirectory, exports);
        var summary = exports.Summary();
        LogReplayed(logger, summary.Outcomes, summary.ReviewCases, summary.Referrals, summary.Rejects);

        ExportComparison? verification = null;
        if (verify)
        {
            var expected = Path.Combine(datasetDirectory, "expected");
            verification = Directory.Exists(expected)
                ? ExportComparer.Compare(expected, outDirectory)
                : new ExportComparison([], ["expected/"], []);
        }

        return new ReplayOutcome(summary, verification);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay finished: {Outcomes} outcomes, {Reviews} review cases, {Referrals} referrals, {Rejects} rejected rows")]
    private static partial void LogReplayed(ILogger logger, int outcomes, int reviews, int referrals, int rejects);
}
