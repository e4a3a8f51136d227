namespace JotMatcher.Core.Matching.Explanation;

/// <summary>
/// Where <c>jot explain</c> reads a run back from: a replay's export folder, or the latest run stored in PostgreSQL.
/// Implementations return every decision about the record (an outcome, a referral, each review case), in claim-id order.
/// </summary>
public interface IExplanationSource
{
    /// <summary>Describes the run read, for the heading (a folder name, a run id); never personal data.</summary>
    string RunDescription { get; }

    IReadOnlyList<PairExplanation> Explain(string hmrcId);
}
