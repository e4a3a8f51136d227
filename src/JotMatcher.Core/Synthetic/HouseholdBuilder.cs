namespace JotMatcher.Core.Synthetic;

/// <summary>
/// Draws the people of one household: usually one person; sometimes twins (same surname, date of birth and address)
/// or relatives (same surname and address, now and then the same forename, as a father and son). Every person has
/// their own NINo: these are the look-alikes a matcher must not join.
/// </summary>
internal sealed class HouseholdBuilder(NinoAllocator ninos, NoiseRates rates, NoiseCounts counts)
{
    private static readonly int EarliestBirth = new DateOnly(1945, 1, 1).DayNumber;
    private static readonly int LatestBirth = new DateOnly(1990, 12, 31).DayNumber;
    private const double CustomerShare = 0.85;

    /// <summary>Adds the members of one household, at most <paramref name="room"/> of them, numbered from <paramref name="firstIndex"/>.</summary>
    public void Build(ref SyntheticRandom random, long firstIndex, int room, List<SyntheticPerson> members)
    {
        members.Clear();
        var head = NewPerson(ref random, firstIndex, null);
        members.Add(head);
        if (room < 2)
        {
            return;
        }

        if (counts.Record(NoiseKind.Twins, NoiseSide.Population, random.Chance(rates.Of(NoiseKind.Twins, NoiseSide.Population))))
        {
            members.Add(NewPerson(ref random, firstIndex + 1, new Kinship(head, head.DateOfBirth, SameForenameAllowed: false)));
            return;
        }

        if (counts.Record(NoiseKind.Relatives, NoiseSide.Population, random.Chance(rates.Of(NoiseKind.Relatives, NoiseSide.Population))))
        {
            var size = Math.Min(room, random.Chance(0.75) ? 2 : 3);
            for (var i = 1; i < size; i++)
            {
                var years = random.Chance(0.5) ? random.Between(1, 8) : random.Between(20, 35);
                var dob = head.DateOfBirth.DayNumber + ((random.Chance(0.5) ? 1 : -1) * ((years * 365) + random.Next(365)));
                dob = Math.Clamp(dob, EarliestBirth - (15 * 365), LatestBirth);
                members.Add(NewPerson(ref random, firstIndex + i, new Kinship(head, DateOnly.FromDayNumber(dob), SameForenameAllowed: true)));
            }
        }
    }

    private SyntheticPerson NewPerson(ref SyntheticRandom random, long index, Kinship? kin)
    {
        var female = random.Chance(0.5);
        var forename = NameCatalog.PickForename(ref random, female);
        if (kin is { } k)
        {
            if (k.SameForenameAllowed && k.Head.Female == female && random.Chance(0.15))
            {
                forename = k.Head.Forename;
            }
            else
            {
                while (forename.Formal == k.Head.Forename.Formal)
                {
                    forename = NameCatalog.PickForename(ref random, female);
                }
            }
        }

        var middle = "";
        if (random.Chance(0.4))
        {
            middle = NameCatalog.PickForename(ref random, female).Formal;
            if (middle == forename.Formal)
            {
                middle = "";
            }
        }

        var surname = kin?.Head.Surname ?? TrueSurname(ref random);
        var home = kin?.Head.Home ?? PlaceCatalog.PickPostcode(ref random);
        var laterHome = kin is { } moveTogether && random.Chance(0.7)
            ? moveTogether.Head.LaterHome
            : PlaceCatalog.PickPostcode(ref random, random.Chance(0.5) ? home : null);
        var other = NameCatalog.PickSurname(ref random);
        while (other == surname)
        {
            other = NameCatalog.PickSurname(ref random);
        }

        return new SyntheticPerson
        {
            Female = female,
            Forename = forename,
            MiddleName = middle,
            Surname = surname,
            OtherSurname = other,
            DateOfBirth = kin?.DateOfBirth ?? DateOnly.FromDayNumber(random.Between(EarliestBirth, LatestBirth)),
            Nino = ninos.NinoOf(index, (char)('A' + random.Next(4))),
            Home = home,
            LaterHome = laterHome,
            IsCustomer = random.Chance(CustomerShare),
        };
    }

    /// <summary>About one person in seventy has a double-barrelled surname.</summary>
    private static string TrueSurname(ref SyntheticRandom random)
    {
        var surname = NameCatalog.PickSurname(ref random);
        return random.Chance(0.015) ? surname + "-" + NameCatalog.PickSurname(ref random) : surname;
    }

    /// <summary>How a new member relates to the household's first person.</summary>
    private readonly record struct Kinship(SyntheticPerson Head, DateOnly DateOfBirth, bool SameForenameAllowed);
}
