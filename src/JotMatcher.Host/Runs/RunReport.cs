using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Postgres.Results;
using JotMatcher.Infrastructure.Postgres.Staging;

namespace JotMatcher.Host.Runs;

/// <summary>What a finished run did: files staged, the run summary, each month replaced with its changes, and the database attempts it took.</summary>
internal sealed record RunReport(
    long RunId,
    StagingResult Staging,
    RunSummary Summary,
    IReadOnlyList<MonthReplacement> Months,
    int Attempts)
{
    /// <summary>Rows or whole files rejected from the files this run staged (exit code 1, SPEC §5).</summary>
    public int NewRejects => Staging.NewRejects.Count;
}
