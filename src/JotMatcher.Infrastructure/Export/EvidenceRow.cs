using JotMatcher.Core.Matching;

namespace JotMatcher.Infrastructure.Export;

/// <summary>One line of evidence.csv; <see cref="Sequence"/> keeps the matcher's order among equal keys (Array.Sort is not stable).</summary>
internal readonly record struct EvidenceRow(string HmrcId, string ClaimId, FieldEvidence Evidence, int Sequence)
{
    public static void AddAll(List<EvidenceRow> rows, string hmrcId, string claimId, IReadOnlyList<FieldEvidence> evidence)
    {
        foreach (var e in evidence)
        {
            rows.Add(new EvidenceRow(hmrcId, claimId, e, rows.Count));
        }
    }

    public static int Compare(EvidenceRow a, EvidenceRow b)
    {
        var c = string.CompareOrdinal(a.HmrcId, b.HmrcId);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.ClaimId, b.ClaimId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Evidence.Field, b.Evidence.Field);
        }

        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }
}
