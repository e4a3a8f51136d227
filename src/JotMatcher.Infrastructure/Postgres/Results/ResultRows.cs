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
/// Rows of one list grouped by month, keeping the list's order within a month (a stable counting sort):
/// the rows of month <c>m</c> (an index into the months being replaced) are <c>Rows[Starts[m]..Starts[m + 1]]</c>.
/// </summary>
internal sealed class ByMonth<T>(T[] rows, int[] starts)
{
    public T[] Rows { get; } = rows;

    public int[] Starts { get; } = starts;

    public ArraySegment<T> Of(int month) => new(Rows, Starts[month], Starts[month + 1] - Starts[month]);
}

/// <summary>
/// The rows of a run result that belong to the months being replaced (a row's month is its employment start's),
/// each with its month, and each month's totals: one pass over the result instead of one per month.
/// Every table is written in the order of its index — month first (then hmrc_id, claim_id, which the attribution's
/// lists are in already) — so each row the server stores goes to the right-hand end of the index, the cheapest
/// place to insert (into an empty month the server even skips the descent from the root). Sent in the
/// attribution's order, the rows of some fifty months interleave and every one costs a search down the index.
/// The links (one per matched HMRC record, the most rows) are kept in the attribution's four lists, grouped by
/// month, and merged by hmrc_id as they are stored (<see cref="LinkMerge"/>).
/// </summary>
internal sealed class ResultRows
{
    private readonly MonthNames names = new();
    private readonly Dictionary<int, int> monthByDay = [];
    private readonly Dictionary<string, int> monthIndex = new(StringComparer.Ordinal);
    private readonly string[] months;
    private readonly Dictionary<string, MonthTally> tallies = new(StringComparer.Ordinal);
    private ByMonth<IdentityLink> notCredited = new([], []);
    private ByMonth<IdentityLink> noOutcome = new([], []);

    private ResultRows(IReadOnlyList<string> months, RunResult result)
    {
        this.months = [.. months];
        for (var i = 0; i < this.months.Length; i++)
        {
            monthIndex.Add(this.months[i], i);
            tallies.Add(this.months[i], new MonthTally());
        }

    }

    /// <summary>Outcomes by month, each month's in hmrc_id, claim_id order: the order of the outcome table's key.</summary>
    public ByMonth<InMonth<JobOutcome>> Outcomes { get; private set; } = new([], []);

    public ByMonth<InMonth<ReviewCase>> Reviews { get; private set; } = new([], []);

    /// <summary>Referrals by month, each month's in hmrc_id, claim_id order: the order of the referral table's key.</summary>
    public ByMonth<InMonth<Referral>> Referrals { get; private set; } = new([], []);

    public Dictionary<string, long> HmrcRecords { get; } = new(StringComparer.Ordinal);

    public Dictionary<RecordId, ClaimSpell> ClaimsById { get; private set; } = [];

    /// <summary>The months being replaced, in order (a month's index is its place here).</summary>
    public IReadOnlyList<string> Months => months;

    public IReadOnlyDictionary<string, MonthTally> Tallies => tallies;

    /// <summary>
    /// Every link of the months being replaced, with its month and where it ended: by month, and within a month in
    /// hmrc_id order (the order of the link table's key), merging the attribution's four lists, each in hmrc_id order.
    /// </summary>
    public IEnumerable<(string Month, IdentityLink Link, string Disposition)> Links
    {
        get
        {
            var merge = MergeLinks();
            while (merge.Next(out var month, out var link, out var disposition))
            {
                yield return (month, link, disposition);
            }
        }
    }

    /// <summary>The links in <see cref="Links"/> order, read one at a time without an enumerator's step per link (the month writer's COPY loop).</summary>
    public LinkMerge MergeLinks() => new(months, Outcomes, Referrals, notCredited, noOutcome);

    public static ResultRows For(IReadOnlyList<string> months, RunInput input, RunResult result)
    {
        var rows = new ResultRows(months, result);
        rows.Outcomes = rows.GroupByMonth(result.Attribution.Outcomes, static o => o.Link.Employment.EmploymentStart, static (month, o) => new InMonth<JobOutcome>(month, o));
        rows.Reviews = rows.GroupByMonth(result.Match.Reviews, static r => r.Employment.EmploymentStart, static (month, r) => new InMonth<ReviewCase>(month, r));
        rows.Referrals = rows.GroupByMonth(result.Attribution.Referrals, static r => r.Link.Employment.EmploymentStart, static (month, r) => new InMonth<Referral>(month, r));
        rows.notCredited = rows.LinksByMonth(result.Attribution.MatchedNotCredited);
        rows.noOutcome = rows.LinksByMonth(result.Attribution.MatchedNoOutcome);
        RequireOnePerKey(rows.Outcomes, "outcome", static o => o.HmrcId, static o => o.Spell.ClaimId);
        RequireOnePerKey(rows.Referrals, "referral", static r => r.Link.Employment.HmrcId, static r => r.Spell.ClaimId);

        var hmrcRecords = new long[rows.months.Length];
        foreach (var e in input.Employments)
        {
            if (rows.Wanted(e.EmploymentStart) is var month and >= 0)
            {
                hmrcRecords[month]++;
            }
        }

        for (var m = 0; m < rows.months.Length; m++)
        {
            var tally = rows.tallies[rows.months[m]];
            foreach (var (_, o) in rows.Outcomes.Of(m))
            {
                tally.Outcomes++;
                tally.Points += o.Points.TotalPoints;
            }

            tally.Reviews = rows.Reviews.Of(m).Count;
            tally.Referrals = rows.Referrals.Of(m).Count;
            if (hmrcRecords[m] > 0)
            {
                rows.HmrcRecords.Add(rows.months[m], hmrcRecords[m]);
            }
        }

        rows.ClaimsById = ReviewedClaims(input.Claims, rows.Reviews.Rows);
        return rows;
    }

    /// <summary>
    /// Checks a table's rows are in strictly ascending (hmrc_id, claim_id) order within each month, so one row per key
    /// of the table. The attribution makes them so; this is the check the table's primary key makes, done here because
    /// a replay's throw-away tables have none (keeping that index is most of the server's work on those tables).
    /// </summary>
    private static void RequireOnePerKey<T>(ByMonth<InMonth<T>> rows, string table, Func<T, RecordId> hmrcId, Func<T, RecordId> claimId)
    {
        for (var m = 0; m + 1 < rows.Starts.Length; m++)
        {
            for (var i = rows.Starts[m] + 1; i < rows.Starts[m + 1]; i++)
            {
                T before = rows.Rows[i - 1].Row, row = rows.Rows[i].Row;
                if (RecordId.Compare(hmrcId(before), claimId(before), hmrcId(row), claimId(row)) >= 0)
                {
                    throw new InvalidOperationException($"The {table} rows of month {rows.Rows[i].Month} are not one per (hmrc_id, claim_id) in key order.");
                }
            }
        }
    }

    /// <summary>The rows of the months being replaced, grouped by month (a stable counting sort: two passes, no comparisons).</summary>
    private ByMonth<TRow> GroupByMonth<T, TRow>(IReadOnlyList<T> source, Func<T, DateOnly> start, Func<string, T, TRow> row)
    {
        var starts = Starts(source, start);
        var placed = new TRow[starts[^1]];
        var next = starts[..^1];
        foreach (var item in source)
        {
            var month = Wanted(start(item));
            if (month >= 0)
            {
                placed[next[month]++] = row(months[month], item);
            }
        }

        return new ByMonth<TRow>(placed, starts);
    }

    /// <summary>The links of the months being replaced, grouped by month.</summary>
    private ByMonth<IdentityLink> LinksByMonth(IReadOnlyList<IdentityLink> links)
        => GroupByMonth(links, static l => l.Employment.EmploymentStart, static (_, l) => l);

    /// <summary>Where each month's rows start once grouped, and (last) how many rows there are.</summary>
    private int[] Starts<T>(IReadOnlyList<T> source, Func<T, DateOnly> start)
    {
        var starts = new int[months.Length + 1];
        foreach (var item in source)
        {
            var month = Wanted(start(item));
            if (month >= 0)
            {
                starts[month + 1]++;
            }
        }

        for (var m = 1; m < starts.Length; m++)
        {
            starts[m] += starts[m - 1];
        }

        return starts;
    }

    /// <summary>
    /// The index of a row's month, or -1 when the row's month is not being replaced: worked out once per distinct day
    /// (a few thousand) rather than once per row (millions: every link and every HMRC record).
    /// </summary>
    private int Wanted(DateOnly start)
    {
        ref var month = ref CollectionsMarshal.GetValueRefOrAddDefault(monthByDay, start.DayNumber, out var known);
        if (!known)
        {
            month = monthIndex.GetValueOrDefault(names.Of(start), -1);
        }

        return month;
    }

    /// <summary>The first claim of each id a review case names (its NINo gives the case's pseudonym); only those are kept.</summary>
    private static Dictionary<RecordId, ClaimSpell> ReviewedClaims(IReadOnlyList<ClaimSpell> claims, InMonth<ReviewCase>[] reviews)
    {
        var claimsById = new Dictionary<RecordId, ClaimSpell>();
        if (reviews.Length == 0)
        {
            return claimsById;
        }

        var wanted = new HashSet<RecordId>(reviews.Select(r => r.Row.ClaimId));
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
