using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// One string per distinct ASCII value of one column whose values repeat across the file (names, office, district and
/// area codes): a million rows hold a few tens of thousands of distinct surnames, and every string read lives on into
/// matching, so a repeat costs a lookup instead of a string. Columns of unique values (ids, the employer reference) are
/// not pooled: there a lookup would only add to the string. Keyed by the trimmed bytes; compared against the kept
/// string's characters, so no bytes are kept besides it. When the table is full, values not in it are made as new
/// strings (equal values, so nothing read changes).
/// </summary>
/// <remarks>
/// A lookup costs a cache miss or two, not arithmetic (a name table outgrows the core's cache), so the hashes sit in
/// an array of their own, a quarter of the strings' table, and a string is only touched when its hash matches. A value
/// equal to the previous one (a customer's spells on consecutive rows) is answered before the table. Measured against
/// 16-byte keys kept inline beside the string (one cache line a probe, but a table three times larger): slower.
/// </remarks>
internal sealed class ColumnStringPool
{
    /// <summary>Longer values are made without a lookup: no pooled column has values that long, and they rarely repeat.</summary>
    public const int MaxPooledBytes = 64;

    /// <summary>At most this many distinct values are kept (a table twice the size): a few MB for the largest column.</summary>
    private const int MaxValues = 1 << 18;

    private string?[] slots = new string?[1 << 10];
    private uint[] hashes = new uint[1 << 10];
    private int count;
    private string last = "";

    /// <summary>The string of <paramref name="ascii"/>, trimmed ASCII without NUL (<see cref="FieldText.IsPlainAscii"/>).</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        if (ascii.IsEmpty)
        {
            return "";
        }

        if (ascii.Length > MaxPooledBytes)
        {
            return FieldText.FromAscii(ascii);
        }

        if (last.Length == ascii.Length && Ascii.Equals(ascii, last))
        {
            return last;
        }

        var hash = Hash(ascii);
        var mask = slots.Length - 1;
        var i = (int)hash & mask;
        while (slots[i] is { } kept)
        {
            if (hashes[i] == hash && kept.Length == ascii.Length && Ascii.Equals(ascii, kept))
            {
                last = kept;
                return kept;
            }

            i = (i + 1) & mask;
        }

        var made = FieldText.FromAscii(ascii);
        last = made;
        if (count < MaxValues)
        {
            slots[i] = made;
            hashes[i] = hash;
            if (++count * 2 > slots.Length)
            {
                Grow();
            }
        }

        return made;
    }

    private void Grow()
    {
        var (oldSlots, oldHashes) = (slots, hashes);
        slots = new string?[oldSlots.Length * 2];
        hashes = new uint[oldSlots.Length * 2];
        var mask = slots.Length - 1;
        for (var j = 0; j < oldSlots.Length; j++)
        {
            if (oldSlots[j] is not { } kept)
            {
                continue;
            }

            var i = (int)oldHashes[j] & mask;
            while (slots[i] is not null)
            {
                i = (i + 1) & mask;
            }

            slots[i] = kept;
            hashes[i] = oldHashes[j];
        }
    }

    /// <summary>
    /// A multiply-rotate hash of 8 bytes at a time; not randomised, which is safe: a file crafted to collide costs
    /// probing in a table of bounded size, and the values read stay the same.
    /// </summary>
    internal static uint Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        var h = (ulong)bytes.Length * K;
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * K, 29);
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var j = 0; j < bytes.Length; j++)
        {
            tail |= (ulong)bytes[j] << (8 * j);
        }

        h = (h ^ tail) * K;
        return (uint)(h ^ (h >> 32));
    }
}
