using System.Collections.Concurrent;
using JotMatcher.Core.Matching.Blocking;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;

namespace JotMatcher.Core.Matching;

/// <summary>
/// SPEC §3 probabilistic pass over the HMRC records no earlier pass decided: candidates from the blocking rules (and
/// NINos one edit apart), deduplicated, each scored Fellegi–Sunter style; per customer its best variant; then accept,
/// review band or nothing. Work is split over HMRC records; each writes only its own slot, so the result does not
/// depend on the number of threads.
/// <para>
/// Candidates are found a rule at a time: the open records' keys are indexed like the customers' and the two sorted
/// key lists merged, instead of seventeen look-ups a record at scattered places in seventeen customer indexes. A record's
/// candidates are then sorted, so the order they were found in never matters. A pair only one rule finds, in a block of
/// more than <see cref="MatchingSettings.SingleRuleBlockLimit"/> customer variants, is not scored (see
/// <see cref="BlockingRules"/>): that keeps the scored pairs per record from growing with the population. The rules'
/// own pairs still do, and are counted in the diagnostics as found.
/// </para>
/// </summary>
internal sealed class ProbabilisticPass(IdentityProfile[] customers, MatchModel model, MatchingSettings settings)
{
    private readonly double reviewLog2Odds = Math.Log2(settings.ReviewThreshold / (1 - settings.ReviewThreshold));

    /// <summary>
    /// Runs the pass and returns the candidate pairs each rule found (within MaxBlockSize; a pair several rules find
    /// counts for each), then the NINo one-edit candidates, then the distinct pairs scored.
    /// </summary>
    public long[] Run(IdentityProfile[] employments, int[]?[] oneEditCandidates, PassDecision[] decisions, ParallelOptions parallel)
    {
        var open = Enumerable.Range(0, employments.Length).Where(h => !decisions[h].IsMade).ToArray();
        var rules = BlockingRules.All.Length;
        var totals = new long[rules + 2];
        var byRule = new BlockPairs[rules];
        var pairSides = new PairSides(
            employments, open, oneEditCandidates,
            KeySignatures.OfEmployments(employments, open, parallel), KeySignatures.OfCustomers(customers, parallel));
        // One buffer of mixed keys a thread for the customer indexes, reused rule after rule: renting one from the
        // shared pool each time missed often at five million people (48 MB fresh each miss, up to a gigabyte a run).
        var keyBuffers = new ConcurrentBag<ulong[]>();
        Parallel.For(0, rules, parallel, r => byRule[r] = PairsOf(r, pairSides, keyBuffers));

        var (starts, found) = GroupByRecord(byRule, open, oneEditCandidates);
        for (var r = 0; r < byRule.Length; r++)
        {
            totals[r] = byRule[r].Found;
        }

        foreach (var h in open)
        {
            totals[rules] += oneEditCandidates[h]?.Length ?? 0;
        }

        Parallel.For(0, open.Length, parallel,
            () => new Worker(),
            (j, _, worker) =>
            {
                var candidates = found.AsSpan(starts[j], starts[j + 1] - starts[j]);
                if (!candidates.IsEmpty)
                {
                    decisions[open[j]] = Decide(employments[open[j]], candidates, worker);
                }

                return worker;
            },
            worker => Interlocked.Add(ref totals[rules + 1], worker.DistinctPairs));
        return totals;
    }

    // One rule's candidate pairs (open record number, customer profile as a candidate entry): the open records' keys
    // joined with the customers'. A block over the size limit is too common a key to say anything and is skipped, as a
    // look-up would skip it. A block over the single-rule limit gives its pairs flagged: such a pair is scored only if
    // another rule (or a NINo one edit apart) finds it too (see Decide and MatchingSettings.SingleRuleBlockLimit).
    // So a flagged pair that no other rule's key can share (the key signatures say so) and that is not a NINo one edit
    // apart would only be dropped in Decide: it is counted as found but not listed. At five million people that is
    // three in five of the pairs the rules find, which were most of this pass's memory and of its grouping and sorting.
    // The customers' index of the rule is built here and dropped with the join, and holds only the customers under a
    // key some open record has: the join never reads the others. Open records are a small share of a night's, so the
    // index is a fraction of all customers (indexing every customer was a fifth of this pass, and 12 bytes a profile a
    // rule to allocate).
    private BlockPairs PairsOf(int rule, PairSides sides, ConcurrentBag<ulong[]> keyBuffers)
    {
        var open = sides.Open;
        var keys = new long[open.Length];
        for (var j = 0; j < open.Length; j++)
        {
            keys[j] = BlockingRules.All[rule].EmploymentKey(sides.Employments[open[j]]);
        }

        var openIndex = new KeyIndex(keys);
        if (!keyBuffers.TryTake(out var keyBuffer))
        {
            keyBuffer = GC.AllocateUninitializedArray<ulong>(customers.Length);
        }

        var customerIndex = new KeyIndex(customers, BlockingRules.All[rule].CustomerKeyOf, openIndex, keyBuffer);
        keyBuffers.Add(keyBuffer);
        var aloneLimit = BlockingRules.All[rule].SingleRuleBlockLimit(settings);
        var pairs = new BlockPairs();
        KeyIndex.Join(openIndex, customerIndex, (records, block) =>
        {
            if (block.Length > settings.MaxBlockSize)
            {
                return;
            }

            if (block.Length <= aloneLimit)
            {
                foreach (var j in records)
                {
                    foreach (var c in block)
                    {
                        pairs.Add(j, Entry(c));
                    }
                }

                return;
            }

            foreach (var j in records)
            {
                foreach (var c in block)
                {
                    if (sides.MayBeFoundElsewhere(j, c, rule))
                    {
                        pairs.Add(j, FlaggedEntry(c));
                    }
                    else
                    {
                        pairs.NotListed++;
                    }
                }
            }
        });
        return pairs;
    }

    // A record's candidates are entries: the customer profile index shifted left, its low bit set when it came from a
    // block over the single-rule limit. Sorted, one profile's entries are adjacent whatever their flags.
    private static int Entry(int profile) => profile << 1;

    private static int FlaggedEntry(int profile) => (profile << 1) | 1;

    // Every open record's candidates in one array (a counting sort by record): record j's are found[starts[j]..starts[j+1]].
    private static (int[] Starts, int[] Found) GroupByRecord(BlockPairs[] byRule, int[] open, int[]?[] oneEditCandidates)
    {
        var starts = new int[open.Length + 1];
        foreach (var pairs in byRule)
        {
            for (var k = 0; k < pairs.ChunkCount; k++)
            {
                foreach (var j in pairs.RecordsIn(k))
                {
                    starts[j + 1]++;
                }
            }
        }

        for (var j = 0; j < open.Length; j++)
        {
            starts[j + 1] += starts[j] + (oneEditCandidates[open[j]]?.Length ?? 0);
        }

        var found = new int[starts[^1]];
        var next = starts[..^1];
        foreach (var pairs in byRule)
        {
            for (var k = 0; k < pairs.ChunkCount; k++)
            {
                var records = pairs.RecordsIn(k);
                var customers = pairs.CustomersIn(k);
                for (var i = 0; i < records.Length; i++)
                {
                    found[next[records[i]]++] = customers[i];
                }
            }
        }

        for (var j = 0; j < open.Length; j++)
        {
            foreach (var c in oneEditCandidates[open[j]] ?? [])
            {
                found[next[j]++] = Entry(c);
            }
        }

        return (starts, found);
    }

    private PassDecision Decide(in IdentityProfile e, Span<int> found, Worker worker)
    {
        found.Sort();
        worker.Touched += Touch(found);
        var scored = worker.Scored;
        scored.Clear();
        var weakOdds = 0.0;
        for (var i = 0; i < found.Length;)
        {
            // One profile's entries: found by several rules, or by one rule from a small block, it is scored; found
            // only through one rule's large block it is left out (MatchingSettings.SingleRuleBlockLimit).
            var c = found[i] >> 1;
            var first = i;
            while (i < found.Length && found[i] >> 1 == c)
            {
                i++;
            }

            if (i - first == 1 && (found[first] & 1) != 0)
            {
                continue;
            }

            worker.DistinctPairs++;
            ref readonly var p = ref customers[c];
            var weight = model.TotalLog2Odds(PairComparer.Compare(e, p), p) + model.MatchShareBits;

            // Below the review threshold a candidate can neither win nor tie: it only takes its small share of belief.
            if (weight >= reviewLog2Odds)
            {
                scored.Add(new Candidate(p.Owner, c, weight));
            }
            else
            {
                weakOdds += Math.Pow(2, weight);
            }
        }

        return CandidateResolver.ResolveProbabilistic(CandidateResolver.BestPerCustomer(scored), weakOdds, settings);
    }

    // Scoring reads each candidate's profile and name strings, scattered over the heap. Reading them all first, with
    // nothing waiting on each read, lets the processor fetch them side by side rather than one stall per comparison.
    private int Touch(ReadOnlySpan<int> found)
    {
        var sum = 0;
        foreach (var entry in found)
        {
            ref readonly var p = ref customers[entry >> 1];
            sum += p.Surname.Length + p.Forename.Length + p.Postcode.Text.Length;
        }

        return sum;
    }

    /// <summary>
    /// One rule's pairs (open record number, candidate entry) in the order found, in fixed chunks: seventeen lists of up
    /// to tens of millions of pairs at five million people, which as growing lists were copied at every doubling and
    /// left up to half their arrays unused (most of this pass's allocations). Chunks are not cleared when made: every
    /// slot read has been written.
    /// </summary>
    private sealed class BlockPairs
    {
        private const int ChunkBits = 16;
        private const int ChunkSize = 1 << ChunkBits;

        private readonly List<int[]> records = [];
        private readonly List<int[]> customers = [];

        public int Count { get; private set; }

        /// <summary>Pairs the rule found but that were not listed, as certain to be dropped unscored.</summary>
        public long NotListed { get; set; }

        /// <summary>Every pair the rule found, listed or not: what the diagnostics report.</summary>
        public long Found => Count + NotListed;

        public int ChunkCount => records.Count;

        public void Add(int record, int customer)
        {
            var at = Count & (ChunkSize - 1);
            if (at == 0)
            {
                records.Add(GC.AllocateUninitializedArray<int>(ChunkSize));
                customers.Add(GC.AllocateUninitializedArray<int>(ChunkSize));
            }

            records[^1][at] = record;
            customers[^1][at] = customer;
            Count++;
        }

        public ReadOnlySpan<int> RecordsIn(int chunk) => records[chunk].AsSpan(0, Filled(chunk));

        public ReadOnlySpan<int> CustomersIn(int chunk) => customers[chunk].AsSpan(0, Filled(chunk));

        private int Filled(int chunk) => Math.Min(ChunkSize, Count - (chunk << ChunkBits));
    }

    /// <summary>
    /// The open HMRC records with what tells, for a pair from a large block, whether anything besides its rule could
    /// find it: the other rules' keys (by <see cref="KeySignatures"/>) and the NINos one edit apart.
    /// </summary>
    private sealed class PairSides(
        IdentityProfile[] employments, int[] open, int[]?[] oneEditCandidates, KeySignatures openSignatures, KeySignatures customerSignatures)
    {
        public IdentityProfile[] Employments => employments;

        public int[] Open => open;

        /// <summary>False proves that open record <paramref name="j"/> and customer profile <paramref name="c"/> share no key but <paramref name="rule"/>'s and are not NINos one edit apart.</summary>
        public bool MayBeFoundElsewhere(int j, int c, int rule)
            => openSignatures.MayAgreeBesides(j, customerSignatures, c, rule)
                || Array.IndexOf(oneEditCandidates[open[j]] ?? [], c) >= 0;
    }

    private sealed class Worker
    {
        public List<Candidate> Scored { get; } = new(256);

        public long DistinctPairs { get; set; }

        /// <summary>Only so the reads of <see cref="Touch"/> are kept.</summary>
        public int Touched { get; set; }
    }
}
