using JotMatcher.Core.Matching.Model;

namespace JotMatcher.Core.Matching;

/// <summary>
/// One-to-one resolution of one HMRC record's candidates (SPEC §3): the best score wins; a rival customer within
/// <see cref="MatchingSettings.NearTieMarginBits"/> of it sends both to review instead, never to input order.
/// </summary>
internal static class CandidateResolver
{
    /// <summary>Keeps each customer's best variant only, sorted best first.</summary>
    public static Candidate[] BestPerCustomer(List<Candidate> scored)
    {
        scored.Sort(static (a, b) =>
        {
            var byCustomer = a.Customer.CompareTo(b.Customer);
            return byCustomer != 0 ? byCustomer : Candidate.BestFirst(a, b);
        });

        var best = new List<Candidate>(scored.Count);
        foreach (var c in scored)
        {
            if (best.Count == 0 || best[^1].Customer != c.Customer)
            {
                best.Add(c);
            }
        }

        best.Sort(Candidate.BestFirst);
        return [.. best];
    }

    /// <summary>The fuzzy NINo pass: every candidate already met the rule; only a near-tie stops the link.</summary>
    public static PassDecision ResolveRuleBased(MatchPass pass, Candidate[] ranked, MatchingSettings settings)
    {
        if (ranked.Length == 0)
        {
            return default;
        }

        var rivals = Rivals(ranked, settings, double.NegativeInfinity);
        return rivals.Length > 1
            ? PassDecision.Review(pass, PassDecision.Reasons.NearTie, rivals)
            : PassDecision.Link(pass, ranked[0]);
    }

    /// <summary>
    /// The probabilistic pass. <paramref name="ranked"/> carry each customer's odds of being the record's customer were it
    /// the only candidate (pairwise weight plus <see cref="MatchModel.MatchShareBits"/>); <paramref name="otherOdds"/> is
    /// the summed odds of candidates too weak to rank. A record has one customer at most, so candidate c's probability is
    /// O_c / (1 + Σ O): rivals share the belief, and two equally good candidates can never both look certain. Near-ties
    /// (within the margin, each strong enough for review on its own) go to review; else the best is accepted, reviewed or
    /// dropped by its probability.
    /// </summary>
    public static PassDecision ResolveProbabilistic(Candidate[] ranked, double otherOdds, MatchingSettings settings)
    {
        if (ranked.Length == 0)
        {
            return default;
        }

        var total = otherOdds;
        foreach (var c in ranked)
        {
            total += Math.Pow(2, c.Log2Odds);
        }

        var rivals = Rivals(ranked, settings, settings.ReviewThreshold);
        if (rivals.Length > 1)
        {
            return PassDecision.Review(MatchPass.Probabilistic, PassDecision.Reasons.NearTie, [.. rivals.Select(c => Posterior(c, total))]);
        }

        var best = Posterior(ranked[0], total);
        var probability = MatchModel.Probability(best.Log2Odds);
        if (probability >= settings.AcceptThreshold)
        {
            return PassDecision.Link(MatchPass.Probabilistic, best);
        }

        return probability >= settings.ReviewThreshold
            ? PassDecision.Review(MatchPass.Probabilistic, PassDecision.Reasons.ReviewBand, best)
            : default;
    }

    // Posterior odds O_c / (1 + Σ O − O_c), kept as the candidate's weight with the rivals' share recorded apart.
    private static Candidate Posterior(Candidate c, double totalOdds)
    {
        var rivalsBits = -Math.Log2(1 + Math.Max(0, totalOdds - Math.Pow(2, c.Log2Odds)));
        return c with { Log2Odds = c.Log2Odds + rivalsBits, RivalsBits = rivalsBits };
    }

    private static Candidate[] Rivals(Candidate[] ranked, MatchingSettings settings, double floorProbability)
    {
        var n = 1;
        while (n < ranked.Length
            && ranked[0].Log2Odds - ranked[n].Log2Odds < settings.NearTieMarginBits
            && MatchModel.Probability(ranked[n].Log2Odds) >= floorProbability)
        {
            n++;
        }

        return ranked[..n];
    }
}
