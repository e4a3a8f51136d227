using JotMatcher.Core.Matching.Model;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>
/// Turns the passes' decisions into links and review cases with their evidence, in HMRC-id order. Each record's
/// evidence is worked out apart from the others' (a comparison and a few shared rows), so the records are shared
/// among the threads, each writing its own slot, and gathered in record order: the result is the same on any
/// number of threads.
/// </summary>
internal sealed class MatchAssembler(CustomerTable customers, HmrcEmployment[] hmrc, IdentityProfile[] profiles, MatchModel model)
{
    private readonly MatchEvidence evidenceOf = new(model);

    public MatchResult Assemble(PassDecision[] decisions, Candidate[]?[] sharedNino, MatchDiagnostics diagnostics, ParallelOptions parallel)
    {
        var linkOf = new IdentityLink?[hmrc.Length];
        var reviewsOf = new ReviewCase[]?[hmrc.Length];
        Parallel.For(0, hmrc.Length, parallel, () => new List<ReviewCase>(), (h, _, forRecord) =>
        {
            linkOf[h] = AssembleRecord(h, decisions[h], sharedNino[h], forRecord);
            reviewsOf[h] = forRecord.Count == 0 ? null : [.. forRecord];
            return forRecord;
        }, static _ => { });

        var links = new List<IdentityLink>(linkOf.Count(static l => l is not null));
        var reviews = new List<ReviewCase>();
        for (var h = 0; h < hmrc.Length; h++)
        {
            if (linkOf[h] is { } link)
            {
                links.Add(link);
            }

            reviews.AddRange(reviewsOf[h] ?? []);
        }

        return new MatchResult(links, reviews, diagnostics) { SpellsByCustomer = customers.SpellsByCustomer() };
    }

    // One record's link (or null), and its review cases into forRecord in (claim, reason) order.
    private IdentityLink? AssembleRecord(int h, in PassDecision decision, Candidate[]? sharedNino, List<ReviewCase> forRecord)
    {
        forRecord.Clear();
        IdentityLink? link = null;
        var linkedCustomer = -1;
        if (decision.IsLink)
        {
            var c = decision[0];
            linkedCustomer = c.Customer;
            var evidence = Evidence(h, c, decision.Pass, out var log2Odds);
            var score = decision.Pass == MatchPass.Deterministic ? 1.0 : MatchModel.Probability(log2Odds);
            link = new IdentityLink(hmrc[h], customers.Ids[c.Customer], decision.Pass, score, evidence) { Customer = c.Customer };
        }
        else if (decision.IsMade)
        {
            for (var i = 0; i < decision.Count; i++)
            {
                forRecord.Add(Review(h, decision[i], decision.ReviewReason!, decision.Pass));
            }
        }

        // A shared NINo stays a review unless a later pass linked the record to that very customer on other evidence.
        foreach (var c in sharedNino ?? [])
        {
            if (c.Customer != linkedCustomer)
            {
                forRecord.Add(Review(h, c, PassDecision.Reasons.NinoSharedByTwoPeople, MatchPass.Deterministic));
            }
        }

        forRecord.Sort(static (a, b) =>
        {
            var byClaim = a.ClaimId.CompareTo(b.ClaimId);
            return byClaim != 0 ? byClaim : string.CompareOrdinal(a.Reason, b.Reason);
        });
        return link;
    }

    private ReviewCase Review(int h, Candidate c, string reason, MatchPass pass)
    {
        var evidence = Evidence(h, c, pass, out var log2Odds);
        return new ReviewCase(hmrc[h], customers.SpellNearest(c.Customer, hmrc[h].EmploymentStart), customers.Ids[c.Customer],
            reason, pass, MatchModel.Probability(log2Odds), evidence);
    }

    // The probabilistic pass scores a candidate against the record's other candidates: its evidence says so, so the
    // weights still add up to the score.
    private LinkEvidence Evidence(int h, Candidate c, MatchPass pass, out double log2Odds)
    {
        var evidence = evidenceOf.For(profiles[h], customers.Profiles[c.Profile], out log2Odds);
        if (pass != MatchPass.Probabilistic)
        {
            return evidence;
        }

        log2Odds += model.MatchShareBits + c.RivalsBits;
        return evidenceOf.WithOneToOne(evidence, c.RivalsBits);
    }
}
