using System.Globalization;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Matching;

/// <summary>Every comparison level of every field (issue 5), one row each, the other fields equal.</summary>
public sealed class PairComparerTests
{
    [TestCase("AB123456C", "ab 12 34 56 d", "exact", TestName = "nino: case, spacing and suffix ignored")]
    [TestCase("AB123456C", "AB123457C", "one_edit", TestName = "nino: one digit mistyped")]
    [TestCase("AB123456C", "AB124356C", "one_edit", TestName = "nino: two adjacent digits transposed")]
    [TestCase("AB123456C", "CE654321A", "disagree", TestName = "nino: two valid NINos disagreeing")]
    [TestCase("AB123456C", "TN010180M", "missing", TestName = "nino: a temporary reference is no NINo")]
    [TestCase("AB123456C", "", "missing", TestName = "nino: blank")]
    public void Nino_levels(string a, string b, string level)
        => Assert.That(LevelOf(MatchField.Nino, P(nino: a), P(nino: b)), Is.EqualTo(level));

    [TestCase("Smith", " SMITH ", "exact", TestName = "surname: case and spacing")]
    [TestCase("O'Brien", "OBrien", "exact", TestName = "surname: apostrophe dropped")]
    [TestCase("Smith", "Smyth", "dl1", TestName = "surname: one letter mistyped")]
    [TestCase("Johnson", "Jonson", "dl1", TestName = "surname: one letter dropped")]
    [TestCase("Macdonald", "Mcdonnald", "jw_0.92", TestName = "surname: two edits, Jaro-Winkler 0.93")]
    [TestCase("Smith-Jones", "Jones", "double_barrel", TestName = "surname: one part of a double-barrelled name")]
    [TestCase("Thomson", "Tomlinson", "jw_0.8", TestName = "surname: Jaro-Winkler 0.81")]
    [TestCase("Smith", "Brown", "else", TestName = "surname: different")]
    [TestCase("", "Smith", "missing", TestName = "surname: blank")]
    public void Surname_levels(string a, string b, string level)
        => Assert.That(LevelOf(MatchField.Surname, P(surname: a), P(surname: b)), Is.EqualTo(level));

    [TestCase("John", "JOHN", "exact", TestName = "forenames: case")]
    [TestCase("William", "Bill", "nickname", TestName = "forenames: William/Bill")]
    [TestCase("Margaret", "Peggy", "nickname", TestName = "forenames: Margaret/Peggy")]
    [TestCase("Sarah", "Sara", "dl1", TestName = "forenames: one letter dropped")]
    [TestCase("Frederic", "Fredrick", "jw_0.92", TestName = "forenames: two edits, Jaro-Winkler 0.95")]
    [TestCase("J", "John", "initial", TestName = "forenames: initial only")]
    [TestCase("J.", "John Paul", "initial", TestName = "forenames: initial with a full stop")]
    [TestCase("Sharon", "Shannon", "jw_0.8", TestName = "forenames: Jaro-Winkler 0.85")]
    [TestCase("Nikik", "Nicola", "nickname_typo", TestName = "forenames: a mistyped diminutive (Nikki)")]
    [TestCase("Jonathon", "Johnathan", "nickname_typo", TestName = "forenames: both one edit from Jonathan")]
    [TestCase("A", "Drew", "initial", TestName = "forenames: the initial of the name a diminutive is short for")]
    [TestCase("John Paul", "Paul", "other_token", TestName = "forenames: a middle name used as the first")]
    [TestCase("John", "Mary", "else", TestName = "forenames: different")]
    [TestCase("John", "", "missing", TestName = "forenames: blank")]
    public void Forename_levels(string a, string b, string level)
        => Assert.That(LevelOf(MatchField.Forenames, P(forenames: a), P(forenames: b)), Is.EqualTo(level));

    [TestCase("Daniel Michael", "DANIEL MICHAEL", "exact", TestName = "middle_names: the second forename agrees")]
    [TestCase("Linda P", "L Pamela", "initial", TestName = "middle_names: an initial agrees with the name")]
    [TestCase("John Michael", "John Micheal", "close", TestName = "middle_names: two letters transposed")]
    [TestCase("Karen Nicola", "Karen Louise", "disagree", TestName = "middle_names: two different middle names")]
    [TestCase("Karen Nicola", "Susan Nicola", "exact", TestName = "middle_names: counted apart from the first forename")]
    [TestCase("Karen Nicola", "Karen", "missing", TestName = "middle_names: one side without a middle name")]
    [TestCase("John Paul", "Paul John", "missing", TestName = "middle_names: tokens already matched across positions")]
    public void Middle_name_levels(string a, string b, string level)
        => Assert.That(LevelOf(MatchField.MiddleNames, P(forenames: a), P(forenames: b)), Is.EqualTo(level));

    [TestCase("Karen Nicola", "Susan Nicola", "else", TestName = "forenames: the same middle name is not other_token")]
    public void Forename_level_with_middle_names(string a, string b, string level)
        => Assert.That(LevelOf(MatchField.Forenames, P(forenames: a), P(forenames: b)), Is.EqualTo(level));

    [TestCase("1980-03-04", "1980-03-04", "exact")]
    [TestCase("1980-03-04", "1980-04-03", "day_month_swap")]
    [TestCase("1980-03-04", "1980-03-07", "one_typo", TestName = "date_of_birth: one digit mistyped")]
    [TestCase("1980-03-04", "1980-03-25", "within_month")]
    [TestCase("1980-03-04", "1975-06-20", "else")]
    [TestCase("1980-03-04", "", "missing")]
    public void Date_of_birth_levels(string a, string b, string level)
        => Assert.That(LevelOf(MatchField.DateOfBirth, P(dob: a), P(dob: b)), Is.EqualTo(level));

    [TestCase("SW1A 1AA", "sw1a1aa", "full", TestName = "postcode: spacing and case")]
    [TestCase("SW1A 1AA", "SW1A 1BB", "sector", TestName = "postcode: same sector")]
    [TestCase("SW1A 1AA", "SE1A 1AA", "one_edit", TestName = "postcode: one character mistyped in the outward code")]
    [TestCase("LS6 1AB", "LS6 1BA", "sector", TestName = "postcode: same sector wins over a transposition")]
    [TestCase("M1 1AE", "M11 AE", "full", TestName = "postcode: misplaced space")]
    [TestCase("SW1A 1AA", "SW1A 2BB", "outward", TestName = "postcode: same outward code")]
    [TestCase("SW1A", "SW1A 1AA", "outward", TestName = "postcode: partial postcode")]
    [TestCase("2606", "2604", "one_edit", TestName = "postcode: partial, one digit mistyped")]
    [TestCase("HU22 9UZ", "hu29 9dz", "area", TestName = "postcode: same area, another district")]
    [TestCase("HU22 9UZ", "HU5", "area", TestName = "postcode: same area, partial")]
    [TestCase("B17 8ZG", "BS5 1LH", "else", TestName = "postcode: one-letter area is not a prefix of a two-letter one")]
    [TestCase("2606", "2915", "else", TestName = "postcode: numeric postcodes have no area")]
    [TestCase("SW1A 1AA", "M1 1AE", "else", TestName = "postcode: different")]
    [TestCase("SW1A 1AA", "", "missing", TestName = "postcode: blank")]
    public void Postcode_levels(string a, string b, string level)
        => Assert.That(LevelOf(MatchField.Postcode, P(postcode: a), P(postcode: b)), Is.EqualTo(level));

    [TestCase(Sex.Male, Sex.Male, "agree")]
    [TestCase(Sex.Male, Sex.Female, "disagree")]
    [TestCase(Sex.Female, Sex.Unknown, "missing")]
    public void Sex_levels(Sex a, Sex b, string level)
        => Assert.That(LevelOf(MatchField.Sex, P(sex: a), P(sex: b)), Is.EqualTo(level));

    [Test]
    public void Forename_and_surname_swapped_is_one_swap_on_both_fields()
    {
        var v = PairComparer.Compare(P(surname: "Jones", forenames: "Megan"), P(surname: "Megan", forenames: "Jones"));
        Assert.That((Name(MatchField.Surname, v), Name(MatchField.Forenames, v)), Is.EqualTo(("swapped", "swapped")));
    }

    [Test]
    public void A_double_barrelled_forename_swapped_with_the_surname_is_a_swap()
    {
        var v = PairComparer.Compare(P(surname: "Katelyn", forenames: "Slack-Smith"), P(surname: "Slack-Smith", forenames: "Katelyn"));
        Assert.That(Name(MatchField.Surname, v), Is.EqualTo("swapped"));
    }

    [Test]
    public void A_surname_recorded_as_the_other_sides_forename_is_a_half_swap()
    {
        var v = PairComparer.Compare(P(surname: "James", forenames: "Howie"), P(surname: "Coleman", forenames: "James"));
        Assert.That((Name(MatchField.Surname, v), Name(MatchField.Forenames, v)), Is.EqualTo(("in_other_field", "else")));
    }

    [TestCase("D", "Walker", "Walker", "Dean Malcolm", "swapped_partial", TestName = "swap: the crossed forename an initial")]
    [TestCase("Catherine", "Stevens", "Stevens", "Katie", "swapped_partial", TestName = "swap: the crossed forename a nickname")]
    [TestCase("Nichoolas", "Walker", "Walker", "Nick", "swapped_partial", TestName = "swap: the crossed forename a mistyped name's nickname")]
    [TestCase("White", "Ciristopher", "Christopher Michael", "White", "swapped_partial", TestName = "swap: a typo in the forename written as the surname")]
    [TestCase("Brown", "Liam", "Liam Paul", "Brown", "swapped", TestName = "swap: both forenames written in the surname field")]
    [TestCase("Coleman", "Dean", "Walker", "Dean", "exact", TestName = "swap: none when the forenames agree straight")]
    public void Swapped_names(string surnameA, string forenamesA, string surnameB, string forenamesB, string level)
    {
        var a = P(surname: surnameA, forenames: forenamesA);
        var b = P(surname: surnameB, forenames: forenamesB);
        var expectedForenames = level.StartsWith("swapped", StringComparison.Ordinal) ? "swapped" : level;
        Assert.That(LevelOf(level == "exact" ? MatchField.Forenames : MatchField.Surname, a, b), Is.EqualTo(level));
        Assert.That(LevelOf(MatchField.Forenames, a, b), Is.EqualTo(expectedForenames));
    }

    [Test]
    public void Names_that_agree_are_never_called_swapped()
    {
        var v = PairComparer.Compare(P(surname: "John", forenames: "John"), P(surname: "John", forenames: "John"));
        Assert.That((Name(MatchField.Surname, v), Name(MatchField.Forenames, v)), Is.EqualTo(("exact", "exact")));
    }

    internal static IdentityProfile P(
        string nino = "AB123456C",
        string surname = "Smith",
        string forenames = "John",
        string dob = "1980-03-04",
        Sex sex = Sex.Male,
        string postcode = "SW1A 1AA")
        => IdentityProfile.Create(0, surname, forenames,
            dob.Length == 0 ? null : DateOnly.ParseExact(dob, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex, postcode, Nino.Parse(nino));

    private static string LevelOf(MatchField field, IdentityProfile a, IdentityProfile b)
    {
        var forward = Name(field, PairComparer.Compare(a, b));
        var backward = Name(field, PairComparer.Compare(b, a));
        Assert.That(backward, Is.EqualTo(forward), "comparison must be symmetric");
        return forward;
    }

    private static string Name(MatchField field, ComparisonVector v) => ComparisonLevels.LevelName(field, v[field]);
}
