namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// Finds, for the HMRC records still unmatched, the customer profiles whose NINo stem is one substitution or one
/// adjacent transposition away. Stems one edit apart share a <see cref="NinoStem.OneEditKey"/> (one position blanked,
/// or one adjacent pair put in order) and stems further apart never do, so the (few) unmatched HMRC stems are indexed
/// by their fifteen keys and every customer stem is looked up fifteen times — linear in the data, never all pairs, and
/// nearly every hit is a real one-edit neighbour. (Keys with two adjacent positions blanked, used before, are shared
/// by a hundred times as many stems that are two edits apart: where NINos are issued densely — five million people —
/// those look-ups and checks grew with the square of the population and took a fifth of the run.)
/// <para>
/// Nearly every look-up misses, so a bit per hashed masked key answers most of them before the index is read. The
/// fifteen keys are taken one at a time, each with a filter and an index of the records' keys for that position only:
/// a fifteenth of the size of one filter and index for all of them, so they stay in the processor's cache while every
/// customer is looked up. (One filter for all fifteen keys was 128 MB at five million people: each look-up a miss to
/// memory, and this step grew twenty-fold from one million people to five.) Customers are scanned in parallel chunks;
/// each record's candidates are then put in customer order, so the result does not depend on the threads.
/// </para>
/// </summary>
internal static class OneEditNinoIndex
{
    private const int ChunkSize = 1 << 16;

    /// <summary>Per HMRC index, the customer profile indices one edit away (ascending), or null when none.</summary>
    public static int[]?[] Find(IdentityProfile[] employments, bool[] offered, IdentityProfile[] customers, ParallelOptions parallel)
    {
        var found = new int[]?[employments.Length];
        var searched = new List<int>();
        for (var h = 0; h < employments.Length; h++)
        {
            if (offered[h] && employments[h].Stem != 0)
            {
                searched.Add(h);
            }
        }

        if (searched.Count == 0)
        {
            return found;
        }

        // The stems side by side: fifteen scans read eight bytes a customer, not a profile each.
        var stems = new long[customers.Length];
        for (var c = 0; c < stems.Length; c++)
        {
            stems[c] = customers[c].Stem;
        }

        var searchedStems = searched.ConvertAll(h => employments[h].Stem).ToArray();
        var filter = new KeyFilter(searchedStems.Length, 16);
        var keys = new long[searchedStems.Length];
        var chunkCount = (customers.Length + ChunkSize - 1) / ChunkSize;
        var hits = new List<(int Record, int Customer)>?[NinoStem.OneEditKeysPerStem * chunkCount];
        for (var k = 0; k < NinoStem.OneEditKeysPerStem; k++)
        {
            filter.Clear();
            for (var j = 0; j < keys.Length; j++)
            {
                keys[j] = NinoStem.OneEditKey(searchedStems[j], k);
                filter.Add((ulong)keys[j]);
            }

            var index = new KeyIndex(keys);
            var position = k;
            Parallel.For(0, chunkCount, parallel, chunk =>
            {
                List<(int, int)>? mine = null;
                var end = Math.Min(stems.Length, (chunk + 1) * ChunkSize);
                for (var c = chunk * ChunkSize; c < end; c++)
                {
                    var stem = stems[c];
                    if (stem == 0)
                    {
                        continue;
                    }

                    var key = NinoStem.OneEditKey(stem, position);
                    if (!filter.MightContain((ulong)key))
                    {
                        continue;
                    }

                    foreach (var j in index.Find(key))
                    {
                        if (NinoStem.IsOneEdit(searchedStems[j], stem))
                        {
                            (mine ??= []).Add((searched[j], c));
                        }
                    }
                }

                hits[(position * chunkCount) + chunk] = mine;
            });
        }

        Collect(hits, found);
        return found;
    }

    // Each record's customers in ascending order, each once: a customer is found through one key at most (two stems one
    // edit apart share exactly one), but the order of the fifteen scans is not customer order, so each list is sorted.
    private static void Collect(List<(int Record, int Customer)>?[] hits, int[]?[] found)
    {
        var counts = new int[found.Length];
        foreach (var list in hits)
        {
            foreach (var (h, _) in list ?? [])
            {
                counts[h]++;
            }
        }

        for (var h = 0; h < found.Length; h++)
        {
            if (counts[h] > 0)
            {
                found[h] = new int[counts[h]];
                counts[h] = 0;
            }
        }

        foreach (var list in hits)
        {
            foreach (var (h, c) in list ?? [])
            {
                found[h]![counts[h]++] = c;
            }
        }

        for (var h = 0; h < found.Length; h++)
        {
            if (found[h] is not { } list)
            {
                continue;
            }

            Array.Sort(list);
            var distinct = 1;
            for (var i = 1; i < list.Length; i++)
            {
                if (list[i] != list[distinct - 1])
                {
                    list[distinct++] = list[i];
                }
            }

            if (distinct < list.Length)
            {
                found[h] = list[..distinct];
            }
        }
    }
}
