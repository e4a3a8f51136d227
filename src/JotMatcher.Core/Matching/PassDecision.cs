namespace JotMatcher.Core.Matching;

/// <summary>
/// What a pass decided for one HMRC record: a link to one candidate, or a review case for every candidate listed,
/// with the reason; <c>default</c> is no decision. A value in the matcher's one slot a record, 40 bytes: a record
/// object and a one-element array for each of four million links at 5 million people cost twice that, and eight
/// million objects for every full collection to mark.
/// </summary>
internal readonly struct PassDecision
{
    private const byte None = 0;
    private const byte LinkKind = 1;

    // The candidate when there is one; all of them, best first, when there are more.
    private readonly Candidate only;
    private readonly Candidate[]? all;

    // None, a link, or a review case for the reason at Reasons.All[kind - 2].
    private readonly byte kind;

    private PassDecision(MatchPass pass, byte kind, Candidate only, Candidate[]? all)
    {
        Pass = pass;
        this.kind = kind;
        this.only = only;
        this.all = all;
    }

    public MatchPass Pass { get; }

    public bool IsMade => kind != None;

    public bool IsLink => kind == LinkKind;

    /// <summary>The review reason (<see cref="Reasons"/>); null for a link or no decision.</summary>
    public string? ReviewReason => kind > LinkKind ? Reasons.All[kind - LinkKind - 1] : null;

    /// <summary>How many candidates the decision names: one for a link.</summary>
    public int Count => all?.Length ?? (IsMade ? 1 : 0);

    /// <summary>The candidates, best first.</summary>
    public Candidate this[int index] => all is not null ? all[index]
        : index == 0 && IsMade ? only : throw new ArgumentOutOfRangeException(nameof(index));

    public static PassDecision Link(MatchPass pass, Candidate candidate) => new(pass, LinkKind, candidate, null);

    public static PassDecision Review(MatchPass pass, string reason, Candidate candidate) => new(pass, KindOf(reason), candidate, null);

    public static PassDecision Review(MatchPass pass, string reason, Candidate[] candidates)
        => candidates.Length == 1 ? Review(pass, reason, candidates[0]) : new(pass, KindOf(reason), default, candidates);

    private static byte KindOf(string reason)
    {
        var i = Array.IndexOf(Reasons.All, reason);
        return i < 0 ? throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a review reason") : (byte)(i + LinkKind + 1);
    }

    public static class Reasons
    {
        public const string NinoSharedByTwoPeople = "nino_shared_by_two_people";
        public const string Tie = "tie";
        public const string NearTie = "near_tie";
        public const string ReviewBand = "review_band";

        internal static readonly string[] All = [NinoSharedByTwoPeople, Tie, NearTie, ReviewBand];
    }
}
