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
/// more than <see cref="MatchingSettings.SingleRuleBlockLimit"/> customer variants, is left out (see
/// <see cref="BlockingRules"/>): that keeps the pairs per record from growing with the population.
/// </para>
/// </summary>
internal sealed class ProbabilisticPass(IdentityProfile[] customers, MatchModel model, MatchingSettings settings)
{
    private readonly double reviewLog2Odds = Math.Log2(settings.ReviewThreshold / (1 - settings.ReviewThreshold));

    /// <summary>
    /// Runs the pass and returns the candidate pairs each rule gave (a pair several rules find counts for each), then the
    /// NINo one-edit candidates, then the distinct pairs scored.
    /// </summary>
    public long[] Run(IdentityProfile[] employments, int[]?[] oneEditCandidates, PassDecision?[] decisions, ParallelOptions parallel)
    {
        var open = Enumerable.Range(0, employments.Length).Where(h => decisions[h] is null).ToArray();
        var rules = BlockingRules.All.Length;
        var totals = new long[rules + 2];
        var keys = new long[rules][];
        Parallel.For(0, rules, parallel, r => keys[r] = EmploymentKeys(r, employments, open));
        var byRule = new BlockPairs[rules];
        Parallel.For(0, rules, parallel, r => byRule[r] = PairsOf(r, keys, employments, open));

        var (starts, found) = GroupByRecord(byRule, open, oneEditCandidates);
        for (var r = 0; r < byRule.Length; r++)
        {
            totals[r] = byRule[r].Records.Count;
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

    // Rule r's key of every open record (0 where it has none).
    private static long[] EmploymentKeys(int rule, IdentityProfile[] employments, int[] open)
    {
        var keys = new long[open.Length];
        for (var j = 0; j < open.Length; j++)
        {
            keys[j] = BlockingRules.All[rule].EmploymentKey(employments[open[j]]);
        }

        return keys;
    }

    // One rule's candidate pairs (open record number, customer profile): the open records' keys joined with the customers'.
    // A block over the size limit is too common a key to say anything and is skipped, as a look-up would skip it. A block
    // over the single-rule limit gives only the pairs that also share another rule's key (or a NINo one edit apart): a
    // key of common fields held by several customers does not by itself make any of them worth scoring (MatchingSettings).
    // The customers' index of the rule is built here and dropped with the join: seventeen of them at once were 12 bytes
    // a customer profile each (a gigabyte and more at five million people), two at a time are enough for two threads.
    private BlockPairs PairsOf(int rule, long[][] keys, IdentityProfile[] employments, int[] open)
    {
        var customerIndex = new KeyIndex(customers, BlockingRules.All[rule].CustomerKeyOf);
        var aloneLimit = BlockingRules.All[rule].SingleRuleBlockLimit(settings);
        var pairs = new BlockPairs();
        var otherKeys = Array.Empty<long>();
        KeyIndex.Join(new KeyIndex(keys[rule]), customerIndex, (records, block) =>
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
                        pairs.Records.Add(j);
                        pairs.Customers.Add(c);
                    }
                }

                return;
            }

            // Several records under one common key (a placeholder date of birth, say) meet the same customers: each
            // customer's other keys are worked out once for the block, not once a record.
            if (records.Length > 1 && otherKeys.Length < block.Length * keys.Length)
            {
                otherKeys = new long[block.Length * keys.Length];
            }

            for (var i = 0; records.Length > 1 && i < block.Length; i++)
            {
                for (var r = 0; r < keys.Length; r++)
                {
                    otherKeys[(i * keys.Length) + r] = r == rule ? 0 : BlockingRules.All[r].CustomerKeyOf(customers[block[i]]);
                }
            }

            foreach (var j in records)
            {
                var e = employments[open[j]];
                for (var i = 0; i < block.Length; i++)
                {
                    var p = customers[block[i]];
                    var shared = records.Length > 1
                        ? SharesAnotherKey(keys, j, otherKeys.AsSpan(i * keys.Length, keys.Length))
                        : SharesAnotherKey(rule, keys, j, p);
                    if (shared || NinoStem.IsOneEdit(e.Stem, p.Stem))
                    {
                        pairs.Records.Add(j);
                        pairs.Customers.Add(block[i]);
                    }
                }
            }
        });
        return pairs;
    }

    // Whether open record j shares a rule's key other than rule with customer profile p.
    private static bool SharesAnotherKey(int rule, long[][] keys, int j, IdentityProfile p)
    {
        for (var r = 0; r < keys.Length; r++)
        {
            var key = keys[r][j];
            if (r != rule && key != 0 && key == BlockingRules.All[r].CustomerKeyOf(p))
            {
                return true;
            }
        }

        return false;
    }

    // The same with the customer's keys worked out beforehand (0 for the rule itself).
    private static bool SharesAnotherKey(long[][] keys, int j, ReadOnlySpan<long> customerKeys)
    {
        for (var r = 0; r < keys.Length; r++)
        {
            var key = keys[r][j];
            if (key != 0 && key == customerKeys[r])
            {
                return true;
            }
        }

        return false;
    }

    // Every open record's candidates in one array (a counting sort by record): record j's are found[starts[j]..starts[j+1]].
    private static (int[] Starts, int[] Found) GroupByRecord(BlockPairs[] byRule, int[] open, int[]?[] oneEditCandidates)
    {
        var starts = new int[open.Length + 1];
        foreach (var pairs in byRule)
        {
            foreach (var j in pairs.Records)
            {
                starts[j + 1]++;
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
            for (var i = 0; i < pairs.Records.Count; i++)
            {
                found[next[pairs.Records[i]]++] = pairs.Customers[i];
            }
        }

        for (var j = 0; j < open.Length; j++)
        {
            foreach (var c in oneEditCandidates[open[j]] ?? [])
            {
                found[next[j]++] = c;
            }
        }

        return (starts, found);
    }

    private PassDecision? Decide(IdentityProfile e, Span<int> found, Worker worker)
    {
        found.Sort();
        worker.Touched += Touch(found);
        var scored = worker.Scored;
        scored.Clear();
        var previous = -1;
        var weakOdds = 0.0;
        foreach (var c in found)
        {
            if (c == previous)
            {
                continue;
            }

            previous = c;
            worker.DistinctPairs++;
            var p = customers[c];
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
        foreach (var c in found)
        {
            var p = customers[c];
            sum += p.Surname.Length + p.Forename.Length + p.Postcode.Text.Length;
        }

        return sum;
    }

    private sealed class BlockPairs
    {
        public List<int> Records { get; } = [];

        public List<int> Customers { get; } = [];
    }

    private sealed class Worker
    {
        public List<Candidate> Scored { get; } = new(256);

        public long DistinctPairs { get; set; }

        /// <summary>Only so the reads of <see cref="Touch"/> are kept.</summary>
        public int Touched { get; set; }
    }
}
