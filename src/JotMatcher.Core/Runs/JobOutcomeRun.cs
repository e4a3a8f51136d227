using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Runs;

/// <summary>The pure heart of JotMatcher: records in, outcomes out. No IO; the host feeds it and sinks its result.</summary>
public static class JobOutcomeRun
{
    /// <summary>The step after matching: spells, outcomes, referrals and points.</summary>
    public const string AttributionStep = "attribution";

    /// <summary>
    /// Matches and attributes. <paramref name="onStep"/>, when given, hears the name of each step as it begins
    /// (<see cref="IdentityMatcher.Steps"/>, then <see cref="AttributionStep"/>), for progress and timings only.
    /// </summary>
    public static RunResult Execute(RunInput input, MatchingSettings settings, Action<string>? onStep = null)
    {
        var match = new IdentityMatcher(settings).Match(input.Claims, input.Employments, input.FixedModelJson, onStep);
        onStep?.Invoke(AttributionStep);
        var attribution = new OutcomeAttributor(input.Rules, input.Reference, input.AsOf).Attribute(match, input.Claims, settings.Parallelism());
        return new RunResult(match, attribution, input.AsOf);
    }

    /// <summary>
    /// The data's as-of date when the manifest gives none: the latest date HMRC could have known of,
    /// i.e. the latest <c>notified_on</c> (or employment start) in the feed. Never the wall clock, so replays repeat.
    /// </summary>
    public static DateOnly InferAsOf(IReadOnlyList<HmrcEmployment> employments)
    {
        var latest = DateOnly.MinValue;
        foreach (var e in employments)
        {
            var d = e.NotifiedOn ?? e.EmploymentStart;
            if (d > latest)
            {
                latest = d;
            }
        }

        return latest == DateOnly.MinValue ? new DateOnly(2000, 1, 1) : latest;
    }
}
