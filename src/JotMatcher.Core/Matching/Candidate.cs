namespace JotMatcher.Core.Matching;

/// <summary>A customer proposed for one HMRC record: the customer, its best identity variant and the match weight.</summary>
internal readonly record struct Candidate(int Customer, int Profile, double Log2Odds)
{
    /// <summary>Best first; equal weights by customer index, i.e. customer id ordinal — never input order.</summary>
    public static int BestFirst(Candidate a, Candidate b)
    {
        var byWeight = b.Log2Odds.CompareTo(a.Log2Odds);
        return byWeight != 0 ? byWeight : a.Customer.CompareTo(b.Customer);
    }
}
