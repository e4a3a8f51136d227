using System.Collections;
using System.Runtime.CompilerServices;

namespace JotMatcher.Core.Matching;

/// <summary>
/// The evidence of one linked or reviewed pair (<see cref="FieldEvidence"/> rows, in the matcher's order), held in
/// 24 bytes. The matcher's evidence is a few shared rows picked by the pair's comparison levels, so it keeps the
/// levels (and, for an exact name or date of birth, which weight row) as one packed number and makes the list as it
/// is read; four million links no longer hold four million arrays of row references. Evidence made from a list (a
/// test, or a pair whose rows could not be numbered) keeps the list.
/// </summary>
[CollectionBuilder(typeof(LinkEvidence), nameof(Create))]
public readonly struct LinkEvidence : IReadOnlyList<FieldEvidence>, IEquatable<LinkEvidence>
{
    // A MatchEvidence (code says which of its rows), a FieldEvidence[] (the rows themselves), or null (no rows).
    private readonly object? rows;
    private readonly ulong code;

    // The probabilistic pass's rivals row, which is the pair's own (its weight is what the record's other candidates
    // took); null for none, or for no rival.
    private readonly FieldEvidence? rivals;

    internal LinkEvidence(MatchEvidence rows, ulong code, FieldEvidence? rivals)
    {
        this.rows = rows;
        this.code = code;
        this.rivals = rivals;
    }

    private LinkEvidence(FieldEvidence[] rows) => this.rows = rows;

    /// <summary>Evidence that is the given rows, in their order.</summary>
    public static LinkEvidence Create(ReadOnlySpan<FieldEvidence> rows) => rows.IsEmpty ? default : new LinkEvidence(rows.ToArray());

    internal ulong Code => code;

    internal bool IsPackedBy(MatchEvidence evidence) => ReferenceEquals(rows, evidence);

    public int Count => rows switch
    {
        MatchEvidence encoded => encoded.Count(code),
        FieldEvidence[] listed => listed.Length,
        _ => 0,
    };

    public FieldEvidence this[int index] => rows switch
    {
        MatchEvidence encoded => encoded.Row(code, rivals, index),
        FieldEvidence[] listed when (uint)index < (uint)listed.Length => listed[index],
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<FieldEvidence> IEnumerable<FieldEvidence>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The same rows by the same means: the same packed levels of the same model, or the same list.</summary>
    public bool Equals(LinkEvidence other)
        => ReferenceEquals(rows, other.rows) && code == other.code && ReferenceEquals(rivals, other.rivals);

    public override bool Equals(object? obj) => obj is LinkEvidence other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(rows is null ? 0 : RuntimeHelpers.GetHashCode(rows), code, rivals is null ? 0 : RuntimeHelpers.GetHashCode(rivals));

    public static bool operator ==(LinkEvidence left, LinkEvidence right) => left.Equals(right);

    public static bool operator !=(LinkEvidence left, LinkEvidence right) => !left.Equals(right);

    /// <summary>By index, so a foreach over the evidence allocates nothing.</summary>
    public struct Enumerator(LinkEvidence evidence) : IEnumerator<FieldEvidence>
    {
        private readonly int count = evidence.Count;
        private int index = -1;

        public readonly FieldEvidence Current => evidence[index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++index < count;

        public void Reset() => index = -1;

        public readonly void Dispose()
        {
        }
    }
}
