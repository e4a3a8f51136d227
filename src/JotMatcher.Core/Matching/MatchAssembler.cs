using JotMatcher.Core.Matching.Model;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>Turns the passes' decisions into links and review cases with their evidence, in HMRC-id order.</summary>
internal sealed class MatchAssembler(CustomerTable customers, HmrcEmployment[] hmrc, IdentityProfile[] profiles, MatchModel model)
{
    private readonly MatchEvidence evidenceOf = new(model);

    public MatchResult Assemble(PassDecision?[] decisions, Candidate[]?[] sharedNino, MatchDiagnostics diagnostics)
    {
        var links = new List<IdentityLink>();
        var reviews = new List<ReviewCase>();
        var forRecord = new List<ReviewCase>();
        for (var h = 0; h < hmrc.Length; h++)
        {
            forRecord.Clear();
            var decision = decisions[h];
            var linkedCustomer = -1;
            if (decision is { IsLink: true })
            {
                var c = decision.Candidates[0];
                linkedCustomer = c.Customer;
                var evidence = Evidence(h, c, decision.Pass, out var log2Odds);
                var score = decision.Pass == MatchPass.Deterministic ? 1.0 : MatchModel.Probability(log2Odds);
                links.Add(new IdentityLink(hmrc[h], customers.Ids[c.Customer], decision.Pass, score, evidence));
            }
            else if (decision is not null)
            {
                foreach (var c in decision.Candidates)
                {
                    forRecord.Add(Review(h, c, decision.ReviewReason!, decision.Pass));
                }
            }

            // A shared NINo stays a review unless a later pass linked the record to that very customer on other evidence.
            foreach (var c in sharedNino[h] ?? [])
            {
                if (c.Customer != linkedCustomer)
                {
                    forRecord.Add(Review(h, c, PassDecision.Reasons.NinoSharedByTwoPeople, MatchPass.Deterministic));
                }
            }

            forRecord.Sort(static (a, b) =>
            {
                var byClaim = string.CompareOrdinal(a.ClaimId, b.ClaimId);
                return byClaim != 0 ? byClaim : string.CompareOrdinal(a.Reason, b.Reason);
            });
            reviews.AddRange(forRecord);
        }

        return new MatchResult(links, reviews, diagnostics);
    }

    private ReviewCase Review(int h, Candidate c, string reason, MatchPass pass)
    {
        var evidence = Evidence(h, c, pass, out var log2Odds);
        return new ReviewCase(hmrc[h], customers.SpellNearest(c.Customer, hmrc[h].EmploymentStart), customers.Ids[c.Customer],
            reason, pass, MatchModel.Probability(log2Odds), evidence);
    }

    // The probabilistic pass scores a candidate against the record's other candidates: its evidence says so, so the
    // weights still add up to the score.
    private IReadOnlyList<FieldEvidence> Evidence(int h, Candidate c, MatchPass pass, out double log2Odds)
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
