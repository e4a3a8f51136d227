using System.Collections.Concurrent;

namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// A forename's nickname groups, exactly and within one edit, and the initials of every variant, looked up once per
/// distinct forename and shared by every profile that carries it.
/// </summary>
internal sealed record ForenameVariants(int[] Groups, int[] GroupsNear, int Initials)
{
    public static ForenameVariants None { get; } = new([], [], 0);

    public static ForenameVariants Of(string forename)
    {
        if (forename.Length == 0)
        {
            return None;
        }

        var groups = Nicknames.GroupsOf(forename);
        return new ForenameVariants(groups, Nicknames.GroupsNear(forename), Nicknames.InitialsOf(groups) | (1 << (forename[0] - 'a')));
    }

    /// <summary>One run's lookups: few distinct forenames, many profiles.</summary>
    public sealed class Cache
    {
        private readonly ConcurrentDictionary<string, ForenameVariants> byName = new(StringComparer.Ordinal);

        public ForenameVariants Of(string forename) => byName.GetOrAdd(forename, ForenameVariants.Of);
    }
}
