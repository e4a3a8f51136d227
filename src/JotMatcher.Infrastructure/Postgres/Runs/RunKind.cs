namespace JotMatcher.Infrastructure.Postgres.Runs;

/// <summary>What started a run: the nightly job (all open months), an operator's month re-run, or an auditor's replay.</summary>
public enum RunKind
{
    Nightly,
    Month,
    Replay,
}
