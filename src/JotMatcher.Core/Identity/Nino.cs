namespace JotMatcher.Core.Identity;

/// <summary>
/// A National Insurance number as recorded, normalised per SPEC §3: upper case, spaces and hyphens dropped.
/// Only a <see cref="NinoKind.Valid"/> NINo takes part in NINo matching; temporary, invalid and blank ones are "no NINo".
/// Its <see cref="ToString"/> never shows the value, so a NINo cannot reach a log line by accident.
/// </summary>
/// <remarks>
/// Every spell and every employment holds one, millions in a run, so a value of up to ten letters and digits (every
/// valid and temporary NINo) is packed into a long, six bits a character, with its kind in the top bits: no string
/// each (40 bytes, and an object more for the collector to trace at every full collection). Anything else recorded is
/// kept as its string. One value has one representation, so equality is the normalised text's.
/// </remarks>
public readonly record struct Nino
{
    // SPEC §3: first letter not D F I Q U V; second letter not D F I O Q U V; these whole prefixes not allowed.
    private const string BadFirst = "DFIQUV";
    private const string BadSecond = "DFIOQUV";
    private static readonly string[] BadPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    private const int BitsPerChar = 6;
    private const int MaxPackedChars = 10;
    private const int KindShift = 60;
    private const long CharsMask = (1L << KindShift) - 1;

    // Characters: digits 1..10, letters 11..36 (never 0), the last in the lowest bits; the kind above them.
    private readonly long packed;
    private readonly string? text;

    private Nino(long packedChars, string? text, NinoKind kind)
    {
        packed = packedChars | ((long)kind << KindShift);
        this.text = text;
    }

    /// <summary>Upper case with spaces and hyphens removed; empty when blank. A string made on each call for a packed value.</summary>
    public string Normalised => text ?? (Length == 0 ? "" : string.Create(Length, packed, static (chars, p) => Unpack(p, chars)));

    public NinoKind Kind => (NinoKind)((ulong)packed >> KindShift);

    public bool IsValid => Kind == NinoKind.Valid;

    /// <summary>Characters of <see cref="Normalised"/>.</summary>
    public int Length
    {
        get
        {
            if (text is not null)
            {
                return text.Length;
            }

            var chars = packed & CharsMask;
            var n = 0;
            while (chars != 0)
            {
                n++;
                chars >>= BitsPerChar;
            }

            return n;
        }
    }

    /// <summary>The two letters and six digits of a valid NINo (suffix ignored for matching); empty otherwise.</summary>
    public string Stem => IsValid ? Normalised[..8] : "";

    /// <summary>The suffix letter of a valid NINo, or '\0' when missing.</summary>
    public char Suffix => IsValid && Length == 9 ? Normalised[8] : '\0';

    /// <summary>Writes <see cref="Normalised"/> into <paramref name="destination"/> (at least <see cref="Length"/> long) without making a string; returns its length.</summary>
    public int CopyTo(Span<char> destination)
    {
        if (text is not null)
        {
            text.CopyTo(destination);
            return text.Length;
        }

        var length = Length;
        Unpack(packed, destination[..length]);
        return length;
    }

    private static void Unpack(long packed, Span<char> chars)
    {
        var p = packed & CharsMask;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            var code = (int)(p & ((1 << BitsPerChar) - 1));
            chars[i] = code <= 10 ? (char)('0' + code - 1) : (char)('A' + code - 11);
            p >>= BitsPerChar;
        }
    }

    private static bool TryPack(ReadOnlySpan<char> normalised, out long packed)
    {
        packed = 0;
        if (normalised.Length > MaxPackedChars)
        {
            return false;
        }

        foreach (var c in normalised)
        {
            long code = char.IsAsciiDigit(c) ? c - '0' + 1 : char.IsAsciiLetterUpper(c) ? c - 'A' + 11 : 0;
            if (code == 0)
            {
                return false;
            }

            packed = (packed << BitsPerChar) | code;
        }

        return true;
    }

    public static Nino Blank => default;

    public static Nino Parse(string? recorded) => ParseSpan(recorded);

    /// <summary>
    /// <see cref="Parse(string?)"/> from characters that are not a string yet (a field still in the reader's buffer),
    /// so only the normalised value becomes one: ingest parses a NINo on every input row.
    /// </summary>
    public static Nino ParseSpan(ReadOnlySpan<char> recorded)
    {
        if (recorded.IsWhiteSpace())
        {
            return default;
        }

        // Anything recorded is normalised the same way, however long: a garbage value must not keep its spaces.
        Span<char> buffer = recorded.Length <= 64 ? stackalloc char[recorded.Length] : new char[recorded.Length];
        var length = 0;
        foreach (var c in recorded)
        {
            if (c is not (' ' or '-' or '\t'))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        // Only separators: the same value as nothing recorded, so two blank NINos compare equal.
        if (length == 0)
        {
            return default;
        }

        var normalised = buffer[..length];
        return TryPack(normalised, out var chars)
            ? new Nino(chars, null, Classify(normalised))
            : new Nino(0, new string(normalised), Classify(normalised));
    }

    private static NinoKind Classify(ReadOnlySpan<char> n)
    {
        if (n.Length == 0)
        {
            return NinoKind.Blank;
        }

        if (IsTemporary(n))
        {
            return NinoKind.Temporary;
        }

        if (n.Length is not (8 or 9)
            || !char.IsAsciiLetterUpper(n[0]) || !char.IsAsciiLetterUpper(n[1])
            || BadFirst.Contains(n[0]) || BadSecond.Contains(n[1])
            || IsBadPrefix(n[..2]))
        {
            return NinoKind.Invalid;
        }

        foreach (var c in n[2..8])
        {
            if (!char.IsAsciiDigit(c))
            {
                return NinoKind.Invalid;
            }
        }

        return n.Length == 8 || n[8] is >= 'A' and <= 'D' ? NinoKind.Valid : NinoKind.Invalid;
    }

    // Compared as spans: Parse runs once a field on every input row, so no string a call.
    private static bool IsBadPrefix(ReadOnlySpan<char> prefix)
    {
        foreach (var bad in BadPrefixes)
        {
            if (prefix.SequenceEqual(bad))
            {
                return true;
            }
        }

        return false;
    }

    // TN + DDMMYY + M/F (SPEC §2); the date part is not checked, only its shape.
    private static bool IsTemporary(ReadOnlySpan<char> n)
    {
        if (n.Length != 9 || n[0] != 'T' || n[1] != 'N' || n[8] is not ('M' or 'F'))
        {
            return false;
        }

        foreach (var c in n[2..8])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Deliberately hides the value: a NINo is personal data (SPEC §7).</summary>
    public override string ToString() => $"Nino({Kind})";
}
