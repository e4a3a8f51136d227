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
    public static PassDecision? ResolveRuleBased(MatchPass pass, Candidate[] ranked, MatchingSettings settings)
    {
        if (ranked.Length == 0)
        {
            return null;
        }

        var rivals = Rivals(ranked, settings, double.NegativeInfinity);
        return rivals.Length > 1
            ? new PassDecision(pass, PassDecision.Reasons.NearTie, rivals)
            : new PassDecision(pass, null, [ranked[0]]);
    }

    /// <summary>The probabilistic pass: accept, review band, or nothing, by the thresholds.</summary>
    public static PassDecision? ResolveProbabilistic(Candidate[] ranked, MatchingSettings settings)
    {
        if (ranked.Length == 0 || MatchModel.Probability(ranked[0].Log2Odds) < settings.ReviewThreshold)
        {
            return null;
        }

        var rivals = Rivals(ranked, settings, settings.ReviewThreshold);
        if (rivals.Length > 1)
        {
            return new PassDecision(MatchPass.Probabilistic, PassDecision.Reasons.NearTie, rivals);
        }

        return MatchModel.Probability(ranked[0].Log2Odds) >= settings.AcceptThreshold
            ? new PassDecision(MatchPass.Probabilistic, null, [ranked[0]])
            : new PassDecision(MatchPass.Probabilistic, PassDecision.Reasons.ReviewBand, [ranked[0]]);
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
