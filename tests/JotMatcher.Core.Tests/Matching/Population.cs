using System.Globalization;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Matching;

/// <summary>
/// A seeded population for matcher tests: customers with one spell each and distinct valid NINos, and an HMRC
/// record copying each of the first <c>employed</c> customers exactly — enough deterministic links for the model to
/// estimate its weights from, so tests exercise the estimated model, never hand-set weights.
/// </summary>
internal sealed class Population
{
    private static readonly string[] Surnames =
    [
        "smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "robinson", "wright", "thompson",
        "evans", "walker", "white", "roberts", "green", "hall", "wood", "jackson", "clarke", "patel", "khan", "lewis",
        "james", "phillips", "mason", "mitchell", "rose", "davis", "rodriguez", "cox", "alexander", "morgan", "moore",
        "martin", "price", "turner", "parker", "hughes", "edwards", "collins", "stewart", "morris", "murphy", "cook",
        "rogers", "bailey", "reed", "kelly", "howard", "ward", "cooper", "richardson", "watson", "brooks", "gray",
        "bennett", "wells", "harris", "fisher", "ellis", "knight", "graham", "hunt", "palmer", "mills", "barnes",
    ];

    private static readonly string[] Forenames =
    [
        "oliver", "jack", "harry", "jacob", "charlie", "thomas", "george", "oscar", "james", "william", "noah", "alfie",
        "joshua", "muhammad", "henry", "leo", "archie", "ethan", "joseph", "freddie", "samuel", "alexander", "logan",
        "olivia", "amelia", "isla", "ava", "emily", "isabella", "mia", "poppy", "ella", "lily", "sophie", "grace",
        "evie", "scarlett", "ruby", "chloe", "daisy", "freya", "phoebe", "florence", "alice", "jessica", "sienna",
        "margaret", "susan", "patricia", "linda", "karen", "helen", "sandra", "donna", "carol", "ruth", "sharon",
    ];

    public List<ClaimSpell> Claims { get; } = [];

    public List<HmrcEmployment> Employments { get; } = [];

    public static Population Create(int customers, int employed, int seed = 7)
    {
        var random = new Random(seed);
        var population = new Population();
        for (var i = 0; i < customers; i++)
        {
            var claim = new ClaimSpell
            {
                ClaimId = Id("CL", i),
                CustomerId = Id("CU", i),
                Nino = Nino.Parse(string.Create(CultureInfo.InvariantCulture, $"AB{100000 + i:D6}C")),
                Surname = Surnames[random.Next(Surnames.Length)],
                Forenames = Forenames[random.Next(Forenames.Length)],
                DateOfBirth = new DateOnly(1950, 1, 1).AddDays(random.Next(40 * 365)),
                Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female,
                Postcode = string.Create(CultureInfo.InvariantCulture, $"LS{random.Next(1, 30)} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}"),
                Benefit = Benefit.Jsa,
                ClaimStart = new DateOnly(2007, 1, 1),
                ClaimEnd = new DateOnly(2007, 6, 30),
            };
            population.Claims.Add(claim);
            if (i < employed)
            {
                population.Employments.Add(CopyOf(claim, Id("HM", i)));
            }
        }

        return population;
    }

    /// <summary>An HMRC record carrying the claim's identity exactly, the job starting inside the spell's window.</summary>
    public static HmrcEmployment CopyOf(ClaimSpell claim, string hmrcId) => new()
    {
        HmrcId = hmrcId,
        Nino = claim.Nino,
        Surname = claim.Surname,
        Forenames = claim.Forenames,
        DateOfBirth = claim.DateOfBirth,
        Sex = claim.Sex,
        Postcode = claim.Postcode,
        EmploymentStart = new DateOnly(2007, 7, 15),
    };

    public static string Id(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D6}");
}
