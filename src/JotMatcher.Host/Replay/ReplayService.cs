using JotMatcher.Core.Runs;
using JotMatcher.Host.Runs;
using JotMatcher.Host.Storage;
using JotMatcher.Infrastructure.Export;
using JotMatcher.Infrastructure.Postgres.Runs;
using Microsoft.Extensions.Logging;

namespace JotMatcher.Host.Replay;

/// <summary>What a replay produced: the summary of the run and, when asked, the comparison with <c>expected/</c>.</summary>
internal sealed record ReplayOutcome(RunSummary Summary, ExportComparison? Verification);

/// <summary>
/// Auditors' replay (SPEC §5): the dataset goes through exactly the path a nightly run takes — staged by binary
/// COPY, read back, matched, awarded and stored month by month — but in a throw-away database of its own on the
/// same server, dropped afterwards, so a replay neither sees nor touches the system of record. Then the export
/// files, optionally verified against the dataset's <c>expected/</c> files.
/// </summary>
internal sealed class ReplayService(DatabaseOpener opener, RunService runs, ILogger<ReplayService> logger)
{
    /// <param name="modelJson">A model file from an earlier run: its weights are used as they are, not re-estimated.</param>
    /// <param name="timings">Step timings for the bench; when given, they replace the progress display.</param>
    public async Task<ReplayOutcome> ReplayAsync(
        string datasetDirectory, string outDirectory, bool verify, string? modelJson, PhaseTimings? timings, CancellationToken cancellationToken)
    {
        RunReport report;
        await using (var database = await opener.OpenAsync(scratch: true, cancellationToken))
        {
            var request = new RunRequest(RunKind.Replay, datasetDirectory, Month: null, OutDirectory: outDirectory, ModelJson: modelJson);
            report = timings is not null
                ? await runs.RunAsync(database, request, timings, cancellationToken)
                : await RunProgress.ShowAsync(logger, TimeProvider.System, progress => runs.RunAsync(database, request, progress, cancellationToken));
        }

        var summary = report.Summary;
        Log.ReplayFinished(logger, summary.Outcomes, summary.ReviewCases, summary.Referrals, summary.Rejects);

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
}
