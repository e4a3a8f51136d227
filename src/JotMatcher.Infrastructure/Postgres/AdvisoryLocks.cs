namespace JotMatcher.Infrastructure.Postgres;

/// <summary>
/// Namespaces of the two-key advisory locks (<c>pg_advisory_lock(int, int)</c>): the first key says what is
/// locked, the second which one. Fixed numbers, so every JotMatcher process agrees.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Applying migrations (second key 0).</summary>
    public const int Migration = 0x4A4F5401;

    /// <summary>Staging inbox files (second key 0): two runs never stage the same file twice.</summary>
    public const int Ingest = 0x4A4F5402;

    /// <summary>A month's results (second key: year × 100 + month): one run replaces a month at a time.</summary>
    public const int Month = 0x4A4F5403;

    /// <summary>A running run (second key: run id), held for the run's life, so a crashed run can be told from a live one.</summary>
    public const int Run = 0x4A4F5404;

    public static int MonthKey(string month)
        => (int.Parse(month.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture) * 100)
           + int.Parse(month.AsSpan(5, 2), System.Globalization.CultureInfo.InvariantCulture);
}
