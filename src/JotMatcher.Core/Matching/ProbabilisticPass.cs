using JotMatcher.Core.Matching.Blocking;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;

namespace JotMatcher.Core.Matching;

/// <summary>
/// SPEC §3 probabilistic pass over the HMRC records no earlier pass decided: candidates from the blocking rules (and
/// NINos one edit apart), deduplicated, each scored Fellegi–Sunter style; per customer its best variant; then accept,
/// review band or nothing. Work is split over HMRC records; each writes only its own slot, so the result does not
/// depend on the number of threads.
/// </summary>
internal sealed class ProbabilisticPass(IdentityProfile[] customers, KeyIndex[] ruleIndexes, MatchModel model, MatchingSettings settings)
{
    private readonly double reviewLog2Odds = Math.Log2(settings.ReviewThreshold / (1 - settings.ReviewThreshold));

    /// <summary>Runs the pass and returns the raw candidate pairs per rule, then the distinct pairs scored.</summary>
    public long[] Run(IdentityProfile[] employments, int[]?[] oneEditCandidates, PassDecision?[] decisions, ParallelOptions parallel)
    {
        var totals = new long[ruleIndexes.Length + 2];
        Parallel.For(0, employments.Length, parallel,
            () => new Worker(ruleIndexes.Length + 2),
            (h, _, worker) =>
            {
                if (decisions[h] is null)
                {
                    decisions[h] = Decide(employments[h], oneEditCandidates[h], worker);
                }

                return worker;
            },
            worker =>
            {
                lock (totals)
                {
                    for (var i = 0; i < totals.Length; i++)
                    {
                        totals[i] += worker.PairCounts[i];
                    }
                }
            });
        return totals;
    }

    private PassDecision? Decide(IdentityProfile e, int[]? oneEdit, Worker worker)
    {
        var found = worker.Profiles;
        found.Clear();
        for (var r = 0; r < ruleIndexes.Length; r++)
        {
            var block = ruleIndexes[r].Find(BlockingRules.All[r].EmploymentKey(e));
            if (block.Length > settings.MaxBlockSize)
            {
                continue;
            }

            worker.PairCounts[r] += block.Length;
            foreach (var c in block)
            {
                found.Add(c);
            }
        }

        if (oneEdit is not null)
        {
            worker.PairCounts[ruleIndexes.Length] += oneEdit.Length;
            found.AddRange(oneEdit);
        }

        if (found.Count == 0)
        {
            return null;
        }

        found.Sort();
        var scored = worker.Scored;
        scored.Clear();
        var previous = -1;
        var distinct = 0L;
        var weakOdds = 0.0;
        foreach (var c in found)
        {
            if (c == previous)
            {
                continue;
            }

            previous = c;
            distinct++;
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

        worker.PairCounts[ruleIndexes.Length + 1] += distinct;
        return CandidateResolver.ResolveProbabilistic(CandidateResolver.BestPerCustomer(scored), weakOdds, settings);
    }

    private sealed class Worker(int counters)
    {
        public List<int> Profiles { get; } = new(256);
        public List<Candidate> Scored { get; } = new(256);
        public long[] PairCounts { get; } = new long[counters];
    }
}
