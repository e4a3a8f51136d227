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
/// Nearly every look-up misses, so a bit per hashed masked key (a few megabytes, mostly in cache) answers most of them
/// before the index is read. Customers are scanned in parallel chunks whose hits are joined in chunk order, so each
/// record's candidates come out in customer order whatever the threads.
/// </para>
/// </summary>
internal static class OneEditNinoIndex
{
    private const int MaskedKeysPerStem = NinoStem.OneEditKeysPerStem;
    private const int ChunkSize = 1 << 16;

    // An odd multiplier other than KeyIndex's, so the filter's bits do not follow its buckets.
    private const ulong FilterMixer = 0xC2B2AE3D27D4EB4F;

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

        // Slot j * 15 + p holds the p-th masked key of the j-th searched record: ascending slots are ascending records.
        var maskedKeys = new long[searched.Count * MaskedKeysPerStem];
        var filterBits = 6;
        while ((1L << filterBits) < maskedKeys.Length * 16L && filterBits < 30)
        {
            filterBits++;
        }

        var filter = new ulong[(1 << filterBits) / 64];
        var filterShift = 64 - filterBits;
        for (var j = 0; j < searched.Count; j++)
        {
            for (var p = 0; p < MaskedKeysPerStem; p++)
            {
                var key = NinoStem.OneEditKey(employments[searched[j]].Stem, p);
                maskedKeys[(j * MaskedKeysPerStem) + p] = key;
                var bit = ((ulong)key * FilterMixer) >> filterShift;
                filter[bit >> 6] |= 1UL << (int)(bit & 63);
            }
        }

        var index = new KeyIndex(maskedKeys, parallel);
        var chunks = new List<(int Record, int Customer)>?[(customers.Length + ChunkSize - 1) / ChunkSize];
        Parallel.For(0, chunks.Length, parallel, k =>
        {
            List<(int, int)>? hits = null;
            var end = Math.Min(customers.Length, (k + 1) * ChunkSize);
            for (var c = k * ChunkSize; c < end; c++)
            {
                var stem = customers[c].Stem;
                if (stem == 0)
                {
                    continue;
                }

                for (var p = 0; p < MaskedKeysPerStem; p++)
                {
                    var key = NinoStem.OneEditKey(stem, p);
                    var bit = ((ulong)key * FilterMixer) >> filterShift;
                    if ((filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
                    {
                        continue;
                    }

                    foreach (var slot in index.Find(key))
                    {
                        var h = searched[slot / MaskedKeysPerStem];
                        if (NinoStem.IsOneEdit(employments[h].Stem, stem))
                        {
                            (hits ??= []).Add((h, c));
                        }
                    }
                }
            }

            chunks[k] = hits;
        });

        Collect(chunks, found);
        return found;
    }

    // Chunks in customer order: each record's customers arrive ascending; a customer met through two keys is kept once
    // (no two stems one edit apart share two keys, but the rule costs nothing and does not depend on it).
    private static void Collect(List<(int Record, int Customer)>?[] chunks, int[]?[] found)
    {
        var counts = new int[found.Length];
        foreach (var hits in chunks)
        {
            foreach (var (h, _) in hits ?? [])
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

        foreach (var hits in chunks)
        {
            foreach (var (h, c) in hits ?? [])
            {
                var n = counts[h];
                if (n == 0 || found[h]![n - 1] != c)
                {
                    found[h]![n] = c;
                    counts[h] = n + 1;
                }
            }
        }

        for (var h = 0; h < found.Length; h++)
        {
            if (found[h] is { } list && counts[h] < list.Length)
            {
                found[h] = list[..counts[h]];
            }
        }
    }
}
