using System.Collections.Frozen;

namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// Forename variants that mean the same person (William/Bill/Will, Margaret/Maggie/Peggy…): a fixed table of
/// common English diminutives. A name may belong to several groups (Al: Alan, Albert, Alfred).
/// </summary>
internal static class Nicknames
{
    private static readonly FrozenDictionary<string, int[]> GroupsByName = BuildGroups();

    // Every table name and every one-character deletion of it, to the table names it came from: a name within one
    // edit of a table name shares a key with it (SymSpell's trick), so a misspelt diminutive is found without a scan.
    private static readonly FrozenDictionary<string, string[]> NamesByDeletion = BuildDeletions();

    /// <summary>The groups a name belongs to exactly (ascending), or none.</summary>
    public static int[] GroupsOf(string name) => GroupsByName.TryGetValue(name, out var g) ? g : [];

    /// <summary>
    /// The groups of every table name within one edit of <paramref name="name"/> (ascending): "nikik" reaches Nicola
    /// through "nikki", "susaan" reaches Sue through "susan". Names under three letters are too short to guess at.
    /// </summary>
    public static int[] GroupsNear(string name)
    {
        if (name.Length < 3)
        {
            return GroupsOf(name);
        }

        var found = new SortedSet<int>(GroupsOf(name));
        AddNear(found, name, name);
        for (var i = 0; i < name.Length; i++)
        {
            AddNear(found, string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1)), name);
        }

        return [.. found];
    }

    /// <summary>A bit per letter a–z: the initials of every name in <paramref name="groups"/>.</summary>
    public static int InitialsOf(int[] groups)
    {
        var mask = 0;
        foreach (var g in groups)
        {
            foreach (var name in NicknameTable.Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                mask |= 1 << (name[0] - 'a');
            }
        }

        return mask;
    }

    /// <summary>Whether two ascending group lists share a group.</summary>
    public static bool Share(int[] a, int[] b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                return true;
            }

            if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    public static bool AreVariants(string a, string b) => Share(GroupsOf(a), GroupsOf(b));

    private static void AddNear(SortedSet<int> found, string key, string name)
    {
        if (!NamesByDeletion.TryGetValue(key, out var names))
        {
            return;
        }

        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal) || EditDistance.IsOneEdit(candidate, name))
            {
                found.UnionWith(GroupsByName[candidate]);
            }
        }
    }

    private static FrozenDictionary<string, int[]> BuildGroups()
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < NicknameTable.Groups.Length; g++)
        {
            foreach (var name in NicknameTable.Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                if (!list.Contains(g))
                {
                    list.Add(g);
                }
            }
        }

        return byName.ToFrozenDictionary(p => p.Key, p => p.Value.Order().ToArray(), StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string[]> BuildDeletions()
    {
        var byKey = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var name in GroupsByName.Keys)
        {
            if (name.Length < 3)
            {
                continue;
            }

            Add(byKey, name, name);
            for (var i = 0; i < name.Length; i++)
            {
                Add(byKey, string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1)), name);
            }
        }

        return byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, SortedSet<string>> byKey, string key, string name)
    {
        if (!byKey.TryGetValue(key, out var names))
        {
            byKey[key] = names = new SortedSet<string>(StringComparer.Ordinal);
        }

        names.Add(name);
    }
}
