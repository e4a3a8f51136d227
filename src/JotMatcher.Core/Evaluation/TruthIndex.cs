using JotMatcher.Core.Records;

namespace JotMatcher.Core.Evaluation;

/// <summary>
/// The truth file lifted to the identity level: each row (hmrc_id, claim_id) becomes the true pair (hmrc_id, customer of
/// claim_id). A row naming a record the data does not hold keeps an impossible customer id, so it stays a true pair
/// that nothing can find instead of vanishing from the denominator.
/// </summary>
internal sealed class TruthIndex
{
    private const char NotInDataMark = '\0';

    public TruthIndex(IReadOnlyList<ClaimSpell> claims, IReadOnlyList<HmrcEmployment> employments, IReadOnlyList<TruthPair> truth)
    {
        var customerOfClaim = new Dictionary<string, string>(claims.Count, StringComparer.Ordinal);
        foreach (var c in claims)
        {
            customerOfClaim.TryAdd(c.ClaimId, c.CustomerId);
        }

        var hmrcIds = new HashSet<string>(employments.Select(e => e.HmrcId), StringComparer.Ordinal);
        foreach (var t in truth)
        {
            TrueClaims.Add((t.HmrcId, t.ClaimId));
            if (customerOfClaim.TryGetValue(t.ClaimId, out var customer) && hmrcIds.Contains(t.HmrcId))
            {
                if (Pairs.Add((t.HmrcId, customer)))
                {
                    ClaimOfPair[(t.HmrcId, customer)] = t.ClaimId;
                }
            }
            else if (Pairs.Add((t.HmrcId, NotInDataMark + t.ClaimId)))
            {
                NotInData++;
            }
        }
    }

    /// <summary>True (hmrc_id, customer_id) pairs.</summary>
    public HashSet<(string HmrcId, string CustomerId)> Pairs { get; } = [];

    /// <summary>True (hmrc_id, claim_id) rows as given.</summary>
    public HashSet<(string HmrcId, string ClaimId)> TrueClaims { get; } = [];

    /// <summary>The truth file's claim for each findable true pair (the first row when a customer is named twice).</summary>
    public Dictionary<(string HmrcId, string CustomerId), string> ClaimOfPair { get; } = [];

    public long NotInData { get; }

    public static bool IsNotInData((string HmrcId, string CustomerId) pair) => pair.CustomerId[0] == NotInDataMark;

    public bool IsTrue(string hmrcId, string customerId) => Pairs.Contains((hmrcId, customerId));
}
