using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Postgres.Results;

/// <summary>
/// The links of the months being replaced, month by month and within a month in hmrc_id order, merged from the
/// attribution's four lists (each grouped by month, and in hmrc_id order within a month), with where each ended.
/// A cursor rather than an enumerator, so the COPY loop takes a link with a plain call; each list's next link and
/// its hmrc_id are held, so a step compares strings in hand (on a tie, the earlier list first) rather than
/// following links to them. Checks that the links are one per (month, hmrc_id) as it gives them.
/// </summary>
internal sealed class LinkMerge
{
    private const int Lists = 4;

    private static readonly string[] Dispositions = ["outcome", "referral", "not_credited", "no_outcome"];

    private readonly string[] months;
    private readonly ByMonth<InMonth<JobOutcome>> outcomes;
    private readonly ByMonth<InMonth<Referral>> referrals;
    private readonly ByMonth<IdentityLink> notCredited;
    private readonly ByMonth<IdentityLink> noOutcome;
    private readonly int[] next = new int[Lists];
    private readonly int[] end = new int[Lists];
    private readonly IdentityLink?[] heads = new IdentityLink?[Lists];
    private readonly RecordId[] hmrcIds = new RecordId[Lists];
    private int month = -1;
    private RecordId? lastHmrcId;

    public LinkMerge(
        string[] months, ByMonth<InMonth<JobOutcome>> outcomes, ByMonth<InMonth<Referral>> referrals,
        ByMonth<IdentityLink> notCredited, ByMonth<IdentityLink> noOutcome)
    {
        this.months = months;
        this.outcomes = outcomes;
        this.referrals = referrals;
        this.notCredited = notCredited;
        this.noOutcome = noOutcome;
    }

    /// <summary>The next link, its month and its disposition; false once every link has been given.</summary>
    public bool Next(out string linkMonth, out IdentityLink link, out string disposition)
    {
        while (true)
        {
            var from = -1;
            for (var s = 0; s < Lists; s++)
            {
                if (heads[s] is not null && (from < 0 || hmrcIds[s] < hmrcIds[from]))
                {
                    from = s;
                }
            }

            if (from >= 0)
            {
                // One link per (month, hmrc_id), the link table's key: the check its primary key makes, which a
                // replay's throw-away table does not have.
                if (lastHmrcId is { } last && last >= hmrcIds[from])
                {
                    throw new InvalidOperationException($"The links of month {months[month]} are not one per hmrc_id in key order.");
                }

                lastHmrcId = hmrcIds[from];
                linkMonth = months[month];
                link = heads[from]!;
                disposition = Dispositions[from];
                Advance(from);
                return true;
            }

            if (++month >= months.Length)
            {
                month = months.Length;
                linkMonth = "";
                link = null!;
                disposition = "";
                return false;
            }

            lastHmrcId = null;
            Start(0, outcomes.Starts);
            Start(1, referrals.Starts);
            Start(2, notCredited.Starts);
            Start(3, noOutcome.Starts);
        }
    }

    private void Start(int list, int[] starts)
    {
        next[list] = starts[month];
        end[list] = starts[month + 1];
        Advance(list);
    }

    private void Advance(int list)
    {
        if (next[list] < end[list])
        {
            var i = next[list]++;
            var link = list switch
            {
                0 => outcomes.Rows[i].Row.Link,
                1 => referrals.Rows[i].Row.Link,
                2 => notCredited.Rows[i],
                _ => noOutcome.Rows[i],
            };
            heads[list] = link;
            hmrcIds[list] = link.Employment.HmrcId;
        }
        else
        {
            heads[list] = null;
        }
    }
}
