namespace JotMatcher.Infrastructure.Export;

/// <summary>Writes outcomes.csv, evidence.csv, review.csv, referrals.csv, rejects.csv and summary.json, sorted and byte-stable.</summary>
public static class ExportWriter
{
    // STUB: implemented by the export work (issue 3).
    public static void Write(string outDirectory, ExportSet exports) => throw new NotImplementedException();
}
