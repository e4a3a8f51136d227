namespace JotMatcher.Core.Matching;

/// <summary>
/// A customer proposed for one HMRC record: the customer, its best identity variant and the match weight in log2-odds.
/// In the probabilistic pass the weight is, once resolved, the posterior over the record's candidates, and
/// <see cref="RivalsBits"/> is what the other candidates took off it (see <see cref="CandidateResolver"/>).
/// </summary>
internal readonly record struct Candidate(int Customer, int Profile, double Log2Odds, double RivalsBits = 0)
{
    /// <summary>Best first; equal weights by customer index, i.e. customer id ordinal — never input order.</summary>
    public static int BestFirst(Candidate a, Candidate b)
    {
        var byWeight = b.Log2Odds.CompareTo(a.Log2Odds);
        return byWeight != 0 ? byWeight : a.Customer.CompareTo(b.Customer);
    }
}
