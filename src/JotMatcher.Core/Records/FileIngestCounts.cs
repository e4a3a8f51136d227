namespace JotMatcher.Core.Records;

/// <summary>Per-file reconciliation: <c>RowsRead == Accepted + Rejected</c>. Warnings count optional fields read as blank.</summary>
public sealed record FileIngestCounts(string File, InputKind Kind, string Sha256, long RowsRead, long Accepted, long Rejected, long Warnings)
{
    public bool Reconciles => RowsRead == Accepted + Rejected;
}

public enum InputKind : byte
{
    Claims,
    Hmrc,
}
