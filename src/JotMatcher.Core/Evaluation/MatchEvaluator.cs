using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;

namespace JotMatcher.Core.Evaluation;

/// <summary>
/// Scores a run against a truth file. Links are scored at the identity level, as SPEC §3 defines matching: a truth row
/// (hmrc_id, claim_id) is the true pair (hmrc_id, customer of claim_id), and a link is correct when it names that
/// customer. Which of the customer's spells the employment is credited to is attribution's decision (SPEC §4), so a
/// link to the right customer through another spell is a correct link, counted apart in <see cref="SpellAgreement"/>
/// rather than as a false positive plus a false negative. Truth rows naming a record the data does not hold (rejected
/// at ingest, say) stay in the denominator: they are true pairs nobody found.
/// </summary>
public static class MatchEvaluator
{
    public static EvaluationReport Evaluate(
        IReadOnlyList<ClaimSpell> claims,
        IReadOnlyList<HmrcEmployment> employments,
        RunResult result,
        IReadOnlyList<TruthPair> truth,
        IReadOnlyList<TruthOutcome>? truthOutcomes = null)
    {
        var index = new TruthIndex(claims, employments, truth);
        var truePairs = index.Pairs.Count;
        var passes = new (long Links, long Correct)[3];
        foreach (var link in result.Match.Links)
        {
            passes[(int)link.Pass].Links++;
            if (index.IsTrue(link.Employment.HmrcId, link.CustomerId))
            {
                passes[(int)link.Pass].Correct++;
            }
        }

        long totalLinks = 0, totalCorrect = 0;
        var byPass = new PassScore[passes.Length];
        for (var p = 0; p < passes.Length; p++)
        {
            totalLinks += passes[p].Links;
            totalCorrect += passes[p].Correct;
            byPass[p] = new PassScore((MatchPass)p, new LinkScore(passes[p].Links, passes[p].Correct, truePairs));
        }

        var inReview = result.Match.Reviews
            .Where(r => index.IsTrue(r.Employment.HmrcId, r.CustomerId))
            .Select(r => (r.Employment.HmrcId, r.CustomerId))
            .Distinct()
            .LongCount();

        var blockingRecall = truePairs == 0 ? 1
            : IdentityMatcher.CoveredByBlocking(claims, employments, index.Findable).Count(c => c) / (double)truePairs;

        var rules = result.Match.Diagnostics.CandidatePairsByBlockingRule.ToArray();
        Array.Sort(rules, static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        return new EvaluationReport(
            new LinkScore(totalLinks, totalCorrect, truePairs),
            byPass,
            Spells(result, index),
            inReview,
            index.NotInData,
            blockingRecall,
            rules,
            truthOutcomes is null ? null : Points(result, truthOutcomes));
    }

    /// <summary>Every missed true pair and every wrong link, ordered by hmrc_id then kind.</summary>
    public static IReadOnlyList<Discrepancy> Discrepancies(
        IReadOnlyList<ClaimSpell> claims,
        IReadOnlyList<HmrcEmployment> employments,
        RunResult result,
        IReadOnlyList<TruthPair> truth)
    {
        var index = new TruthIndex(claims, employments, truth);
        var findable = index.Findable;
        var covered = IdentityMatcher.CoveredByBlocking(claims, employments, findable);
        var notBlocked = new HashSet<(RecordId, RecordId)>(findable.Where((_, i) => !covered[i]));
        var linked = new HashSet<(RecordId, RecordId)>();
        var found = new List<Discrepancy>();
        foreach (var link in result.Match.Links)
        {
            linked.Add((link.Employment.HmrcId, link.CustomerId));
            if (!index.IsTrue(link.Employment.HmrcId, link.CustomerId))
            {
                found.Add(new Discrepancy(link.Employment.HmrcId.ToString(), Discrepancy.Kinds.WrongLink, "", "", link.CustomerId.ToString(),
                    link.Pass.ToExportName(), link.Score));
            }
        }

        var reviewScore = new Dictionary<(RecordId, RecordId), ReviewCase>();
        foreach (var r in result.Match.Reviews)
        {
            reviewScore.TryAdd((r.Employment.HmrcId, r.CustomerId), r);
        }

        foreach (var pair in index.Pairs)
        {
            if (linked.Contains(pair))
            {
                continue;
            }

            if (TruthIndex.IsNotInData(pair))
            {
                found.Add(new Discrepancy(pair.HmrcId.ToString(), Discrepancy.Kinds.NotInData, TruthIndex.ClaimNotInData(pair), "", "", "", 0));
            }
            else if (reviewScore.TryGetValue(pair, out var review))
            {
                found.Add(new Discrepancy(pair.HmrcId.ToString(), Discrepancy.Kinds.MissedInReview, index.ClaimOfPair[pair].ToString(), pair.CustomerId.ToString(), "",
                    review.Pass.ToExportName(), review.Score));
            }
            else
            {
                var kind = notBlocked.Contains(pair) ? Discrepancy.Kinds.MissedAtBlocking : Discrepancy.Kinds.Missed;
                found.Add(new Discrepancy(pair.HmrcId.ToString(), kind, index.ClaimOfPair[pair].ToString(), pair.CustomerId.ToString(), "", "", 0));
            }
        }

        found.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.HmrcId, b.HmrcId);
            return c != 0 ? c : string.CompareOrdinal(a.Kind, b.Kind);
        });
        return found;
    }

    private static SpellAgreement Spells(RunResult result, TruthIndex index)
    {
        long same = 0, other = 0;
        var attributed = result.Attribution.Outcomes.Select(o => (o.Link, o.Spell))
            .Concat(result.Attribution.Referrals.Select(r => (r.Link, r.Spell)));
        foreach (var (link, spell) in attributed)
        {
            if (!index.IsTrue(link.Employment.HmrcId, link.CustomerId))
            {
                continue;
            }

            if (index.TrueClaims.Contains((link.Employment.HmrcId, spell.ClaimId)))
            {
                same++;
            }
            else
            {
                other++;
            }
        }

        return new SpellAgreement(same, other);
    }

    private static PointsAccuracy Points(RunResult result, IReadOnlyList<TruthOutcome> truthOutcomes)
    {
        var expected = new Dictionary<(RecordId, RecordId), TruthOutcome>();
        foreach (var t in truthOutcomes)
        {
            expected.TryAdd((t.HmrcId, t.ClaimId), t);
        }

        long linked = 0, exact = 0;
        foreach (var o in result.Attribution.Outcomes)
        {
            if (!expected.TryGetValue((o.HmrcId, o.Spell.ClaimId), out var t))
            {
                continue;
            }

            linked++;
            if (t.PriorityGroup == (int)o.Points.Group && t.TotalPoints == o.Points.TotalPoints && t.SustainPending == o.Points.SustainPending)
            {
                exact++;
            }
        }

        return new PointsAccuracy(expected.Count, linked, exact, expected.Count - linked, result.Attribution.Outcomes.Count - linked);
    }
}
