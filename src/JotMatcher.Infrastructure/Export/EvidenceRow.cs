using JotMatcher.Core.Matching;

namespace JotMatcher.Infrastructure.Export;

/// <summary>
/// One pair's evidence (an outcome's, a referral's or a review case's) as added for evidence.csv; <see cref="Order"/>
/// is the order it was added in, which breaks ties between pairs of the same ids (Array.Sort is not stable).
/// </summary>
internal readonly record struct EvidencePair(string HmrcId, string ClaimId, IReadOnlyList<FieldEvidence> Evidence, int Order)
{
    public static int Compare(EvidencePair a, EvidencePair b)
    {
        var c = string.CompareOrdinal(a.HmrcId, b.HmrcId);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.ClaimId, b.ClaimId);
        }

        return c != 0 ? c : a.Order.CompareTo(b.Order);
    }

    public bool SameIds(EvidencePair other)
        => string.Equals(HmrcId, other.HmrcId, StringComparison.Ordinal) && string.Equals(ClaimId, other.ClaimId, StringComparison.Ordinal);
}

/// <summary>
/// One line of evidence.csv within its pair's ids; <see cref="Sequence"/> keeps the matcher's order among equal
/// fields (the order the pairs were added in, then each pair's own order).
/// </summary>
internal readonly record struct EvidenceRow(FieldEvidence Evidence, int Sequence)
{
    public static int Compare(EvidenceRow a, EvidenceRow b)
    {
        var c = string.CompareOrdinal(a.Evidence.Field, b.Evidence.Field);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }
}
