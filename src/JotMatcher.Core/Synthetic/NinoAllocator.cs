using System.Globalization;

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// Gives every person of the population a different valid NINo without remembering any: a seeded affine bijection
/// over (prefix, six digits), so person <c>i</c> always gets the same NINo and no two people share one.
/// </summary>
internal sealed class NinoAllocator
{
    // 29 valid prefixes (SPEC §3: no D F I Q U V first, no D F I O Q U V second, none of BG GB KN NK NT TN ZZ).
    private static readonly string[] Prefixes =
    [
        "AB", "CE", "EH", "GY", "HJ", "JC", "JK", "JR", "JT", "KA", "KB", "LA", "MA", "NA", "NB", "NE", "NH", "NL", "NP",
        "NR", "NW", "PA", "PE", "RA", "SA", "SC", "SH", "WA", "YA",
    ];

    private const ulong DigitSpace = 1_000_000;

    /// <summary>How many people can have distinct NINos.</summary>
    public static long Capacity => Prefixes.Length * (long)DigitSpace;

    private readonly ulong _multiplier;
    private readonly ulong _offset;

    public NinoAllocator(ulong seed)
    {
        var space = (ulong)Capacity;
        var random = SyntheticRandom.For(seed, 0x4E494E4FUL, 0);
        var multiplier = ((random.NextUInt64() % (space / 2)) * 2) + 1;
        while (Gcd(multiplier, space) != 1)
        {
            multiplier += 2;
        }

        _multiplier = multiplier;
        _offset = random.NextUInt64() % space;
    }

    /// <summary>Person <paramref name="person"/>'s NINo with the given suffix letter.</summary>
    public string NinoOf(long person, char suffix)
    {
        var code = (((ulong)person * _multiplier) + _offset) % (ulong)Capacity;
        return string.Create(9, (Prefix: Prefixes[code / DigitSpace], Digits: (int)(code % DigitSpace), Suffix: suffix), static (span, n) =>
        {
            n.Prefix.CopyTo(span);
            n.Digits.TryFormat(span[2..8], out _, "D6", CultureInfo.InvariantCulture);
            span[8] = n.Suffix;
        });
    }

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
