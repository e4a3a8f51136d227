using JotMatcher.Core.Matching.Blocking;
using JotMatcher.Core.Matching.Model;
using JotMatcher.Core.Matching.Text;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>Runs the passes of SPEC §3 in order and resolves one-to-one links.</summary>
public sealed class IdentityMatcher(MatchingSettings settings)
{
    public MatchingSettings Settings { get; } = settings;

    /// <summary>
    /// The steps of <see cref="Match"/>, in order: profiles of both sides, the deterministic pass, the model, the fuzzy
    /// NINo pass (with the one-edit search), the probabilistic pass (blocking and scoring), and assigning links and
    /// review cases with their evidence.
    /// </summary>
    public static IReadOnlyList<string> Steps { get; } = ["profiles", "deterministic", "model", "fuzzy_nino", "probabilistic", "assignment"];

    /// <summary>
    /// Links each HMRC employment to at most one customer. With <paramref name="fixedModelJson"/> the probabilistic
    /// pass uses exactly those weights instead of estimating them (replays). <paramref name="onStep"/> hears each of
    /// <see cref="Steps"/> as it begins (progress and timings; it changes nothing).
    /// </summary>
    public MatchResult Match(IReadOnlyList<ClaimSpell> claims, IReadOnlyList<HmrcEmployment> employments, string? fixedModelJson = null,
        Action<string>? onStep = null)
    {
        onStep?.Invoke(Steps[0]);
        var parallel = Settings.Parallelism();
        var names = new NameForms.Cache();
        var customers = CustomerTable.Build(claims, names, parallel);
        var hmrc = SortedById(employments);
        var profiles = BuildProfiles(hmrc, names, parallel);

        onStep?.Invoke(Steps[1]);
        var decisions = new PassDecision[hmrc.Length];
        var sharedNino = new Candidate[]?[hmrc.Length];
        var byStem = new KeyIndex(customers.Profiles, (in p) => p.Stem, parallel);
        DeterministicPass.Run(profiles, customers.Profiles, byStem, decisions, sharedNino, parallel);

        onStep?.Invoke(Steps[2]);
        var model = fixedModelJson is null
            ? ModelEstimator.Estimate(profiles, customers.Profiles, customers.Ids.Length, DeterministicLinks(decisions), Settings, parallel)
            : MatchModelJson.Read(fixedModelJson);
        model.ApplyTermFrequencies(customers.Profiles, parallel);

        onStep?.Invoke(Steps[3]);
        var offered = Array.ConvertAll(decisions, static d => !d.IsMade);
        var oneEdit = OneEditNinoIndex.Find(profiles, offered, customers.Profiles, parallel);
        FuzzyNinoPass.Run(profiles, customers.Profiles, oneEdit, model, Settings, decisions, parallel);

        onStep?.Invoke(Steps[4]);
        var pairCounts = new ProbabilisticPass(customers.Profiles, model, Settings).Run(profiles, oneEdit, decisions, parallel);

        onStep?.Invoke(Steps[5]);
        return new MatchAssembler(customers, hmrc, profiles, model).Assemble(decisions, sharedNino, Diagnostics(pairCounts, model), parallel);
    }

    /// <summary>
    /// For each of <paramref name="pairs"/> (HMRC id, customer id), whether the passes would even look at it: the same
    /// NINo stem, a stem one edit apart, or blocking keys shared as the probabilistic pass requires (two rules' keys, or
    /// one rule's in a block within its single-rule limit; see <see cref="MatchingSettings.SingleRuleBlockLimit"/>). A
    /// true pair lost here can never be linked.
    /// </summary>
    public static bool[] CoveredByBlocking(IReadOnlyList<ClaimSpell> claims, IReadOnlyList<HmrcEmployment> employments,
        IReadOnlyList<(RecordId HmrcId, RecordId CustomerId)> pairs, MatchingSettings? settings = null)
    {
        settings ??= new MatchingSettings();
        var customers = CustomerTable.Build(claims);
        var customerIndex = new Dictionary<RecordId, int>();
        for (var i = 0; i < customers.Ids.Length; i++)
        {
            customerIndex[customers.Ids[i]] = i;
        }

        var byOwner = customers.Profiles.ToLookup(p => p.Owner);
        var hmrc = new Dictionary<RecordId, HmrcEmployment>();
        foreach (var e in employments)
        {
            hmrc.TryAdd(e.HmrcId, e);
        }

        var ruleIndexes = Array.ConvertAll(BlockingRules.All, rule => new KeyIndex(customers.Profiles, rule.CustomerKeyOf));
        var covered = new bool[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            if (hmrc.TryGetValue(pairs[i].HmrcId, out var e) && customerIndex.TryGetValue(pairs[i].CustomerId, out var c))
            {
                var h = BuildProfiles([e])[0];
                covered[i] = byOwner[c].Any(p => SharesCandidateKey(h, p, ruleIndexes, settings));
            }
        }

        return covered;
    }

    private static bool SharesCandidateKey(in IdentityProfile h, in IdentityProfile c, KeyIndex[] ruleIndexes, MatchingSettings settings)
    {
        if (h.Stem != 0 && (h.Stem == c.Stem || NinoStem.IsOneEdit(h.Stem, c.Stem)))
        {
            return true;
        }

        var shared = 0;
        var alone = false;
        for (var r = 0; r < BlockingRules.All.Length; r++)
        {
            var rule = BlockingRules.All[r];
            var key = rule.EmploymentKey(h);
            var block = key != 0 && key == rule.CustomerKeyOf(c) ? ruleIndexes[r].Find(key).Length : 0;
            if (block > 0 && block <= settings.MaxBlockSize)
            {
                shared++;
                alone |= block <= rule.SingleRuleBlockLimit(settings);
            }
        }

        return shared > 1 || alone;
    }

    private static HmrcEmployment[] SortedById(IReadOnlyList<HmrcEmployment> employments)
        => OrdinalOrder.Sorted(employments, static e => e.HmrcId);

    private static IdentityProfile[] BuildProfiles(HmrcEmployment[] hmrc, NameForms.Cache? names = null, ParallelOptions? parallel = null)
    {
        var profiles = new IdentityProfile[hmrc.Length];
        Parallel.For(0, hmrc.Length, parallel ?? new ParallelOptions(), h =>
        {
            var e = hmrc[h];
            profiles[h] = IdentityProfile.Create(h, e.Surname, e.Forenames, e.DateOfBirth, e.Sex, e.Postcode, e.Nino, names);
        });
        return profiles;
    }

    private static List<(int Employment, int Customer)> DeterministicLinks(PassDecision[] decisions)
    {
        var links = new List<(int, int)>();
        for (var h = 0; h < decisions.Length; h++)
        {
            if (decisions[h].IsLink)
            {
                links.Add((h, decisions[h][0].Profile));
            }
        }

        return links;
    }

    private MatchDiagnostics Diagnostics(long[] pairCounts, MatchModel model)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var r = 0; r < BlockingRules.All.Length; r++)
        {
            counts[BlockingRules.All[r].Name] = pairCounts[r];
        }

        counts[BlockingRules.NinoOneEditName] = pairCounts[BlockingRules.All.Length];
        counts[BlockingRules.DistinctPairsName] = pairCounts[BlockingRules.All.Length + 1];
        return new MatchDiagnostics(counts, MatchModelJson.Write(model, Settings));
    }
}
