using System.Runtime.InteropServices;
using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Export;

namespace JotMatcher.Infrastructure.Postgres.Results;

/// <summary>A result row with its month (its employment start's, <c>yyyy-MM</c>), worked out once per row.</summary>
internal readonly record struct InMonth<T>(string Month, T Row);

/// <summary>One month's totals of the rows being written, for the change report.</summary>
internal sealed class MonthTally
{
    public long Outcomes { get; set; }

    public long Points { get; set; }

    public long Reviews { get; set; }

    public long Referrals { get; set; }
}

/// <summary>
/// The rows of a run result that belong to the months being replaced (a row's month is its employment start's),
/// each with its month, and each month's totals: one pass over the result instead of one per month.
/// The links (one per matched HMRC record, the most rows) are not listed but enumerated as they are stored, so no
/// array of a million of them is built and dropped on the large-object heap, where it would bring on a full collection.
/// </summary>
internal sealed class ResultRows
{
    private readonly MonthNames names = new();
    private readonly Dictionary<int, string?> monthByDay = [];
    private readonly Dictionary<string, MonthTally> tallies = new(StringComparer.Ordinal);
    private readonly AttributionResult attribution;

    private ResultRows(IReadOnlyList<string> months, RunResult result)
    {
        foreach (var month in months)
        {
            tallies.TryAdd(month, new MonthTally());
        }

        attribution = result.Attribution;
    }

    public List<InMonth<JobOutcome>> Outcomes { get; private set; } = [];

    public List<InMonth<ReviewCase>> Reviews { get; private set; } = [];

    public List<InMonth<Referral>> Referrals { get; private set; } = [];

    public Dictionary<string, long> HmrcRecords { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ClaimSpell> ClaimsById { get; private set; } = [];

    public IReadOnlyDictionary<string, MonthTally> Tallies => tallies;

    /// <summary>Every link of the months being replaced, with its month and where it ended, in a fixed order.</summary>
    public IEnumerable<(string Month, IdentityLink Link, string Disposition)> Links
    {
        get
        {
            foreach (var o in attribution.Outcomes)
            {
                if (Wanted(o.Link.Employment.EmploymentStart) is { } month)
                {
                    yield return (month, o.Link, "outcome");
                }
            }

            foreach (var r in attribution.Referrals)
            {
                if (Wanted(r.Link.Employment.EmploymentStart) is { } month)
                {
                    yield return (month, r.Link, "referral");
                }
            }

            foreach (var (links, disposition) in new[] { (attribution.MatchedNotCredited, "not_credited"), (attribution.MatchedNoOutcome, "no_outcome") })
            {
                foreach (var link in links)
                {
                    if (Wanted(link.Employment.EmploymentStart) is { } month)
                    {
                        yield return (month, link, disposition);
                    }
                }
            }
        }
    }

    public static ResultRows For(IReadOnlyList<string> months, RunInput input, RunResult result)
    {
        var rows = new ResultRows(months, result);
        rows.Outcomes = new(result.Attribution.Outcomes.Count);
        foreach (var o in result.Attribution.Outcomes)
        {
            if (rows.Wanted(o.Link.Employment.EmploymentStart) is { } month)
            {
                rows.Outcomes.Add(new(month, o));
                var tally = rows.tallies[month];
                tally.Outcomes++;
                tally.Points += o.Points.TotalPoints;
            }
        }

        rows.Reviews = new(result.Match.Reviews.Count);
        foreach (var r in result.Match.Reviews)
        {
            if (rows.Wanted(r.Employment.EmploymentStart) is { } month)
            {
                rows.Reviews.Add(new(month, r));
                rows.tallies[month].Reviews++;
            }
        }

        rows.Referrals = new(result.Attribution.Referrals.Count);
        foreach (var r in result.Attribution.Referrals)
        {
            if (rows.Wanted(r.Link.Employment.EmploymentStart) is { } month)
            {
                rows.Referrals.Add(new(month, r));
                rows.tallies[month].Referrals++;
            }
        }

        foreach (var e in input.Employments)
        {
            if (rows.Wanted(e.EmploymentStart) is { } month)
            {
                rows.HmrcRecords[month] = rows.HmrcRecords.GetValueOrDefault(month) + 1;
            }
        }

        rows.ClaimsById = ReviewedClaims(input.Claims, rows.Reviews);
        return rows;
    }

    /// <summary>
    /// The month of a row, or null when the row's month is not being replaced: worked out once per distinct day
    /// (a few thousand) rather than once per row (millions: every link and every HMRC record).
    /// </summary>
    private string? Wanted(DateOnly start)
    {
        ref var month = ref CollectionsMarshal.GetValueRefOrAddDefault(monthByDay, start.DayNumber, out var known);
        if (!known)
        {
            var name = names.Of(start);
            month = tallies.ContainsKey(name) ? name : null;
        }

        return month;
    }

    /// <summary>The first claim of each id a review case names (its NINo gives the case's pseudonym); only those are kept.</summary>
    private static Dictionary<string, ClaimSpell> ReviewedClaims(IReadOnlyList<ClaimSpell> claims, List<InMonth<ReviewCase>> reviews)
    {
        var claimsById = new Dictionary<string, ClaimSpell>(StringComparer.Ordinal);
        if (reviews.Count == 0)
        {
            return claimsById;
        }

        var wanted = new HashSet<string>(reviews.Select(r => r.Row.ClaimId), StringComparer.Ordinal);
        foreach (var c in claims)
        {
            if (wanted.Contains(c.ClaimId))
            {
                claimsById.TryAdd(c.ClaimId, c);
            }
        }

        return claimsById;
    }
}
