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
        var customerOfClaim = new Dictionary<RecordId, RecordId>(claims.Count);
        foreach (var c in claims)
        {
            customerOfClaim.TryAdd(c.ClaimId, c.CustomerId);
        }

        var hmrcIds = new HashSet<RecordId>(employments.Select(e => e.HmrcId));
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
            else if (Pairs.Add((t.HmrcId, RecordId.Of(NotInDataMark + t.ClaimId.ToString()))))
            {
                NotInData++;
            }
        }
    }

    /// <summary>True (hmrc_id, customer_id) pairs.</summary>
    public HashSet<(RecordId HmrcId, RecordId CustomerId)> Pairs { get; } = [];

    /// <summary>True (hmrc_id, claim_id) rows as given.</summary>
    public HashSet<(RecordId HmrcId, RecordId ClaimId)> TrueClaims { get; } = [];

    /// <summary>The truth file's claim for each findable true pair (the first row when a customer is named twice).</summary>
    public Dictionary<(RecordId HmrcId, RecordId CustomerId), RecordId> ClaimOfPair { get; } = [];

    public long NotInData { get; }

    /// <summary>The true pairs whose records are both in the data, in ordinal order.</summary>
    public (RecordId HmrcId, RecordId CustomerId)[] Findable
    {
        get
        {
            var pairs = Pairs.Where(p => !IsNotInData(p)).ToArray();
            Array.Sort(pairs, static (a, b) => RecordId.Compare(a.HmrcId, a.CustomerId, b.HmrcId, b.CustomerId));
            return pairs;
        }
    }

    /// <summary>Whether <paramref name="pair"/> names a claim the data does not hold (its customer id is the mark and the claim id).</summary>
    public static bool IsNotInData((RecordId HmrcId, RecordId CustomerId) pair)
        => pair.CustomerId.Packed == 0 && pair.CustomerId.ToString() is [NotInDataMark, ..];

    /// <summary>The claim id of a pair <see cref="IsNotInData"/>.</summary>
    public static string ClaimNotInData((RecordId HmrcId, RecordId CustomerId) pair) => pair.CustomerId.ToString()[1..];

    public bool IsTrue(RecordId hmrcId, RecordId customerId) => Pairs.Contains((hmrcId, customerId));
}
