using JotMatcher.Core.Records;

namespace JotMatcher.Core.Runs;

/// <summary>Input rows over all files; <c>RowsRead == Accepted + Rejected</c> when every file reconciles.</summary>
public readonly record struct FileTotals(long RowsRead, long Accepted, long Rejected, long Warnings)
{
    public static FileTotals Of(IEnumerable<FileIngestCounts> files)
    {
        long read = 0, accepted = 0, rejected = 0, warnings = 0;
        foreach (var f in files)
        {
            read += f.RowsRead;
            accepted += f.Accepted;
            rejected += f.Rejected;
            warnings += f.Warnings;
        }

        return new FileTotals(read, accepted, rejected, warnings);
    }
}
