using System.Diagnostics.CodeAnalysis;

namespace JotMatcher.Core.Records;

/// <summary>
/// A record's id from an input file (a claim id, a customer id, an HMRC id), ordered and compared exactly as its text
/// is by <see cref="string.CompareOrdinal(string, string)"/>. A run holds three a person, so a national run holds 16
/// million: as strings they were about 770 MB and as many objects for every full collection to mark.
/// </summary>
/// <remarks>
/// An id of at most <see cref="MaxPackedLength"/> characters from <c>- / 0-9 A-Z _</c> (what extracts' ids are made
/// of) is packed into one 64-bit number: its characters as base-40 digits, most significant first, padded with the
/// digit 0 that stands for "no character". The digits rise with the characters' codes, so the numbers order as the
/// texts do, a shorter id before any longer one it begins (40^12 &lt; 2^64). Any other id keeps its string. Packing is
/// canonical (an id that can be packed always is), so a packed id never equals a kept one, and equality and hashing
/// are the two fields'. Comparing a packed id with a kept one writes the packed one out on the stack.
/// </remarks>
public readonly struct RecordId : IEquatable<RecordId>, IComparable<RecordId>
{
    /// <summary>The longest id that is packed.</summary>
    public const int MaxPackedLength = 12;

    private const int Radix = 40;

    // Digit 0 is "no character"; then the characters in code order: '-' 0x2D, '/' 0x2F, '0'-'9', 'A'-'Z', '_' 0x5F.
    private static ReadOnlySpan<byte> Characters => "\0-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_"u8;

    /// <summary>The packed digits, or 0 when the id is kept as <see cref="text"/> (or is empty).</summary>
    private readonly ulong code;

    private readonly string? text;

    private RecordId(ulong code, string? text) => (this.code, this.text) = (code, text);

    /// <summary>The id's length in characters.</summary>
    public int Length => code != 0 ? PackedLength(code) : text?.Length ?? 0;

    /// <summary>The packed digits, which order as the texts do; 0 for an id that kept its text.</summary>
    internal ulong Packed => code;

    public bool IsEmpty => code == 0 && string.IsNullOrEmpty(text);

    /// <summary>The id of <paramref name="id"/>'s text.</summary>
    public static RecordId Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryPack(id.AsSpan(), out var packed) ? new RecordId(packed, null) : new RecordId(0, id);
    }

    /// <summary>The id of ASCII text (each byte one character), packed without making a string when it can be.</summary>
    public static RecordId OfAscii(ReadOnlySpan<byte> ascii)
    {
        if (TryPack(ascii, out var packed))
        {
            return new RecordId(packed, null);
        }

        return new RecordId(0, ascii.IsEmpty ? "" : System.Text.Encoding.Latin1.GetString(ascii));
    }

    /// <summary>An id from its text (<see cref="Of(string)"/>): records built in code and tests name ids as literals.</summary>
    public static implicit operator RecordId(string id) => Of(id);

    public static bool operator ==(RecordId left, RecordId right) => left.Equals(right);

    public static bool operator !=(RecordId left, RecordId right) => !left.Equals(right);

    public static bool operator <(RecordId left, RecordId right) => left.CompareTo(right) < 0;

    public static bool operator >(RecordId left, RecordId right) => left.CompareTo(right) > 0;

    public static bool operator <=(RecordId left, RecordId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RecordId left, RecordId right) => left.CompareTo(right) >= 0;

    /// <summary>Two pairs of ids by their first ids, then their second: the order of rows keyed by (hmrc_id, claim_id).</summary>
    public static int Compare(RecordId firstA, RecordId secondA, RecordId firstB, RecordId secondB)
    {
        var byFirst = firstA.CompareTo(firstB);
        return byFirst != 0 ? byFirst : secondA.CompareTo(secondB);
    }

    public bool Equals(RecordId other) => code == other.code && string.Equals(text ?? "", other.text ?? "", StringComparison.Ordinal);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is RecordId other && Equals(other);

    public override int GetHashCode() => code != 0 ? code.GetHashCode() : string.GetHashCode(text ?? "", StringComparison.Ordinal);

    public int CompareTo(RecordId other)
    {
        if (code != 0 && other.code != 0)
        {
            return code.CompareTo(other.code);
        }

        Span<char> mine = stackalloc char[MaxPackedLength];
        Span<char> theirs = stackalloc char[MaxPackedLength];
        return Chars(mine).SequenceCompareTo(other.Chars(theirs));
    }

    /// <summary>The id's characters: in <paramref name="scratch"/> (at least <see cref="MaxPackedLength"/> long) when packed.</summary>
    public ReadOnlySpan<char> Chars(Span<char> scratch)
    {
        if (code == 0)
        {
            return text.AsSpan();
        }

        var n = Unpack(code, scratch);
        return scratch[..n];
    }

    /// <summary>
    /// The id as ASCII bytes in <paramref name="scratch"/> (at least <see cref="MaxPackedLength"/> long) when it is packed;
    /// false, with nothing written, for a kept id (whose text may not be ASCII: ask <see cref="ToString"/>).
    /// </summary>
    public bool TryGetAscii(Span<byte> scratch, out int written)
    {
        if (code == 0)
        {
            written = 0;
            return false;
        }

        written = Unpack(code, scratch);
        return true;
    }

    /// <summary>The id's text: a new string for a packed id.</summary>
    public override string ToString()
    {
        if (code == 0)
        {
            return text ?? "";
        }

        Span<char> chars = stackalloc char[MaxPackedLength];
        return new string(Chars(chars));
    }

    private static bool TryPack(ReadOnlySpan<char> id, out ulong packed)
    {
        // Only ASCII can pack: narrowed to bytes first, so one routine does the packing.
        Span<byte> ascii = stackalloc byte[MaxPackedLength];
        if (id.Length > MaxPackedLength || System.Text.Ascii.FromUtf16(id, ascii, out var n) != System.Buffers.OperationStatus.Done)
        {
            packed = 0;
            return false;
        }

        return TryPack(ascii[..n], out packed);
    }

    private static bool TryPack(ReadOnlySpan<byte> id, out ulong packed)
    {
        packed = 0;
        if (id.IsEmpty || id.Length > MaxPackedLength)
        {
            return false;
        }

        for (var i = 0; i < MaxPackedLength; i++)
        {
            var digit = 0;
            if (i < id.Length)
            {
                digit = DigitOf(id[i]);
                if (digit <= 0)
                {
                    return false;
                }
            }

            packed = (packed * Radix) + (ulong)digit;
        }

        return true;
    }

    private static int DigitOf(byte c) => c switch
    {
        (byte)'-' => 1,
        (byte)'/' => 2,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 3,
        >= (byte)'A' and <= (byte)'Z' => c - 'A' + 13,
        (byte)'_' => 39,
        _ => -1,
    };

    private static int PackedLength(ulong packed)
    {
        // Trailing zero digits are the padding.
        var n = MaxPackedLength;
        while (packed % Radix == 0)
        {
            packed /= Radix;
            n--;
        }

        return n;
    }

    private static int Unpack(ulong packed, Span<byte> into)
    {
        var n = PackedLength(packed);
        for (var i = MaxPackedLength - 1; i >= 0; i--)
        {
            var digit = (int)(packed % Radix);
            packed /= Radix;
            if (i < n)
            {
                into[i] = Characters[digit];
            }
        }

        return n;
    }

    private static int Unpack(ulong packed, Span<char> into)
    {
        Span<byte> ascii = stackalloc byte[MaxPackedLength];
        var n = Unpack(packed, ascii);
        _ = System.Text.Ascii.ToUtf16(ascii[..n], into, out _);
        return n;
    }
}
