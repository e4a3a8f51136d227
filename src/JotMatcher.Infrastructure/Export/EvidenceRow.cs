using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Export;

/// <summary>
/// One pair (an outcome, a referral or a review case) as added for evidence.csv; <see cref="Order"/> is the order it
/// was added in, which breaks ties between pairs of the same ids (Array.Sort is not stable) and finds the pair's
/// evidence when its rows are written (40 bytes a pair rather than 64 with the evidence: 2.6 million at 5M people).
/// </summary>
internal readonly record struct EvidencePair(RecordId HmrcId, RecordId ClaimId, int Order)
{
    public static int Compare(EvidencePair a, EvidencePair b)
    {
        var c = RecordId.Compare(a.HmrcId, a.ClaimId, b.HmrcId, b.ClaimId);
        return c != 0 ? c : a.Order.CompareTo(b.Order);
    }

    /// <summary>The pairs in <see cref="Compare"/> order: taken as they are when they are in it already (one comparison a pair).</summary>
    public static EvidencePair[] Sorted(EvidencePair[] pairs)
    {
        for (var i = 1; i < pairs.Length; i++)
        {
            if (Compare(pairs[i - 1], pairs[i]) > 0)
            {
                Array.Sort(pairs, Compare);
                break;
            }
        }

        return pairs;
    }

    /// <summary>
    /// Lists each in <see cref="Compare"/> order merged into that order, as they are read (no merged copy is made).
    /// <see cref="Order"/> is unique, so <see cref="Compare"/> has no ties and this is the one order a sort of them
    /// all together gives.
    /// </summary>
    public static IEnumerable<EvidencePair> Merge(EvidencePair[] a, EvidencePair[] b, EvidencePair[] c)
    {
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length || k < c.Length)
        {
            // The smallest head of the three; a list that is used up is skipped.
            var from = 0;
            if (i >= a.Length || (j < b.Length && Compare(b[j], a[i]) < 0))
            {
                from = 1;
            }

            if (k < c.Length && (from == 0 ? i >= a.Length || Compare(c[k], a[i]) < 0 : j >= b.Length || Compare(c[k], b[j]) < 0))
            {
                from = 2;
            }

            yield return from switch
            {
                0 => a[i++],
                1 => b[j++],
                _ => c[k++],
            };
        }
    }

    public bool SameIds(EvidencePair other)
        => HmrcId == other.HmrcId && ClaimId == other.ClaimId;
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

/// <summary>
/// Sorts a pair's rows by <see cref="EvidenceRow.Compare"/>. That order has no ties (the sequence is unique), so it
/// depends only on the rows' fields in the order added, and nearly every pair has one of a few such field lists: the
/// order worked out for the last list is reused while the next pair's fields are the same.
/// </summary>
internal sealed class EvidenceFieldOrder
{
    private readonly List<string> fields = [];
    private readonly List<int> order = [];
    private readonly List<EvidenceRow> scratch = [];

    public void Sort(List<EvidenceRow> rows)
    {
        if (!SameFields(rows))
        {
            scratch.Clear();
            scratch.AddRange(rows);
            scratch.Sort(EvidenceRow.Compare);
            fields.Clear();
            order.Clear();
            foreach (var row in rows)
            {
                fields.Add(row.Evidence.Field);
            }

            foreach (var row in scratch)
            {
                order.Add(row.Sequence);
            }
        }

        scratch.Clear();
        scratch.AddRange(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = scratch[order[i]];
        }
    }

    private bool SameFields(List<EvidenceRow> rows)
    {
        if (rows.Count != fields.Count)
        {
            return false;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (!string.Equals(rows[i].Evidence.Field, fields[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The field, level and weight cells of evidence.csv rows. The matcher shares its evidence rows (a million pairs
/// have a few thousand distinct ones), so each shared row's cells are formatted once, by <see cref="ExportFile"/>
/// itself, and repeated as bytes; keyed by the instance, whose cells never change. Up to a bound, past which rows
/// are formatted each time.
/// </summary>
internal sealed class EvidenceCells
{
    private const int MaxRows = 1 << 16;

    private readonly Dictionary<FieldEvidence, byte[]> formatted = new(ReferenceEqualityComparer.Instance);
    private byte[] scratch = new byte[256];

    /// <summary>Writes the evidence's three cells, after the row's ids.</summary>
    public void Write(ExportFile file, FieldEvidence evidence)
    {
        if (formatted.TryGetValue(evidence, out var cells))
        {
            file.Repeat(cells);
            return;
        }

        var start = file.Position;
        file.Text(evidence.Field);
        file.Text(evidence.Level);
        file.Fixed4(evidence.Weight);
        if (formatted.Count < MaxRows)
        {
            var count = file.CopySince(start, ref scratch);
            formatted.Add(evidence, scratch.AsSpan(0, count).ToArray());
        }
    }
}
