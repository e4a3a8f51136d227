using System.Collections.Concurrent;

namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// Everything the matcher derives from one recorded name (a surname or a forenames field): its normalised tokens, the
/// first token and all tokens joined, their letter masks and Soundex codes, and the first token's nickname variants.
/// Names come from small catalogues and repeat heavily, so a run derives these once per distinct recorded value
/// (<see cref="Cache"/>) and every profile carrying that value shares them.
/// </summary>
internal sealed class NameForms
{
    private NameForms(string[] tokens, string joined, ForenameVariants firstVariants)
    {
        Tokens = tokens;
        First = tokens.Length > 0 ? tokens[0] : "";
        Joined = joined;
        FirstMask = JaroWinkler.LetterMask(First);
        JoinedMask = JaroWinkler.LetterMask(joined);
        FirstSoundex = Soundex.Code(First);
        JoinedSoundex = Soundex.Code(joined);
        FirstVariants = firstVariants;
    }

    public static NameForms Empty { get; } = new([], "", ForenameVariants.None);

    /// <summary>Normalised tokens (<see cref="NameText.Tokens"/>); shared, never to be written.</summary>
    public string[] Tokens { get; }

    /// <summary>The first token, or "" when there is none.</summary>
    public string First { get; }

    /// <summary>All tokens joined without separators ("smith-jones" → "smithjones"); the token itself when there is one.</summary>
    public string Joined { get; }

    public int FirstMask { get; }

    public int JoinedMask { get; }

    public int FirstSoundex { get; }

    public int JoinedSoundex { get; }

    /// <summary>Nickname groups and variant initials of <see cref="First"/>.</summary>
    public ForenameVariants FirstVariants { get; }

    /// <summary>The forms of one recorded name, derived afresh (no sharing).</summary>
    public static NameForms Of(string? recorded)
    {
        var tokens = NameText.Tokens(recorded);
        if (tokens.Length == 0)
        {
            return Empty;
        }

        var joined = tokens.Length == 1 ? tokens[0] : string.Concat(tokens);
        return new NameForms(tokens, joined, ForenameVariants.Of(tokens[0]));
    }

    /// <summary>
    /// One run's name forms, by recorded value. Token and joined strings are pooled too, so "SMITH" and "Smith" (or
    /// the surname Smith and the surname part of Smith-Jones) share one "smith": a million profiles hold a few
    /// thousand name strings, and equal names compare equal by reference first. Safe for parallel use; a value derived
    /// twice by racing threads is equal either way.
    /// </summary>
    public sealed class Cache
    {
        private readonly ConcurrentDictionary<string, NameForms> byRecorded = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> pool = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> poolBySpan;
        private readonly ForenameVariants.Cache variants = new();

        public Cache() => poolBySpan = pool.GetAlternateLookup<ReadOnlySpan<char>>();

        public NameForms Of(string? recorded)
        {
            if (string.IsNullOrEmpty(recorded))
            {
                return Empty;
            }

            return byRecorded.TryGetValue(recorded, out var forms) ? forms : byRecorded.GetOrAdd(recorded, Derive(recorded));
        }

        private NameForms Derive(string recorded)
        {
            Span<char> letters = recorded.Length <= 256 ? stackalloc char[recorded.Length] : new char[recorded.Length];
            Span<int> ends = stackalloc int[NameText.MaxTokens];
            var count = NameText.FoldTokens(recorded, letters, ends);
            if (count == 0)
            {
                return Empty;
            }

            var tokens = new string[count];
            var start = 0;
            for (var t = 0; t < count; t++)
            {
                tokens[t] = Pooled(letters[start..ends[t]]);
                start = ends[t];
            }

            var joined = count == 1 ? tokens[0] : Pooled(letters[..ends[count - 1]]);
            return new NameForms(tokens, joined, variants.Of(tokens[0]));
        }

        private string Pooled(ReadOnlySpan<char> text)
        {
            if (poolBySpan.TryGetValue(text, out var pooled))
            {
                return pooled;
            }

            var s = new string(text);
            return pool.GetOrAdd(s, s);
        }
    }
}
