using JotMatcher.Host.Tests.Storage;

namespace JotMatcher.Host.Tests.Hardening;

internal static class StoredResults
{
    /// <summary>
    /// The results part of <see cref="JotDatabaseUnderTest.ResultsDigestAsync(string)"/> — outcomes, review cases,
    /// referrals, evidence, links and months (its first six parts) — not the staged files, which a run stages and
    /// commits on their own before it matches.
    /// </summary>
    public static async Task<string> DigestAsync(string connectionString)
        => string.Join(' ', (await JotDatabaseUnderTest.ResultsDigestAsync(connectionString)).Split(' ').Take(6));
}
