namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// Finds, for the HMRC records still unmatched, the customer profiles whose NINo stem is one substitution or one
/// adjacent transposition away. Stems one edit apart share a key with two adjacent positions blanked, so the
/// (few) unmatched HMRC stems are indexed by their seven masked keys and every customer stem is looked up seven
/// times — linear in the data, never all pairs.
/// </summary>
internal static class OneEditNinoIndex
{
    private const int MaskedKeysPerStem = NinoStem.Length - 1;

    /// <summary>Per HMRC index, the customer profile indices one edit away (ascending), or null when none.</summary>
    public static int[]?[] Find(IdentityProfile[] employments, bool[] offered, IdentityProfile[] customers)
    {
        var byMaskedKey = new Dictionary<long, List<int>>();
        for (var h = 0; h < employments.Length; h++)
        {
            var stem = employments[h].Stem;
            if (!offered[h] || stem == 0)
            {
                continue;
            }

            for (var p = 0; p < MaskedKeysPerStem; p++)
            {
                var key = NinoStem.MaskPair(stem, p);
                if (!byMaskedKey.TryGetValue(key, out var list))
                {
                    byMaskedKey[key] = list = [];
                }

                list.Add(h);
            }
        }

        var found = new List<int>?[employments.Length];
        if (byMaskedKey.Count == 0)
        {
            return new int[]?[employments.Length];
        }

        for (var c = 0; c < customers.Length; c++)
        {
            var stem = customers[c].Stem;
            if (stem == 0)
            {
                continue;
            }

            for (var p = 0; p < MaskedKeysPerStem; p++)
            {
                if (!byMaskedKey.TryGetValue(NinoStem.MaskPair(stem, p), out var hits))
                {
                    continue;
                }

                foreach (var h in hits)
                {
                    if (NinoStem.IsOneEdit(employments[h].Stem, stem))
                    {
                        var list = found[h] ??= [];
                        if (list.Count == 0 || list[^1] != c)
                        {
                            list.Add(c);
                        }
                    }
                }
            }
        }

        return [.. found.Select(l => l?.ToArray())];
    }
}
