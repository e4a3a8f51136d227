using JotMatcher.Core.Identity;

namespace JotMatcher.Core.Tests.Identity;

/// <summary>SPEC §3: the NINo rules, one row each.</summary>
public sealed class NinoTests
{
    [TestCase("AB123456C", "AB123456C", TestName = "valid with suffix")]
    [TestCase("AB123456", "AB123456", TestName = "missing suffix is valid (HMRC records)")]
    [TestCase("ab123456c", "AB123456C", TestName = "lower case is upper-cased")]
    [TestCase("ab 12 34 56 c", "AB123456C", TestName = "spaces dropped")]
    [TestCase(" AB 123456 C ", "AB123456C", TestName = "leading and trailing spaces dropped")]
    [TestCase("AB-12-34-56-C", "AB123456C", TestName = "hyphens dropped")]
    [TestCase("OA123456A", "OA123456A", TestName = "O is allowed as first letter")]
    [TestCase("ZA123456D", "ZA123456D", TestName = "suffix D is the last allowed")]
    [TestCase("JZ123456B", "JZ123456B", TestName = "second letter Z allowed (only ZZ is barred)")]
    public void Parse_valid(string recorded, string normalised)
    {
        var nino = Nino.Parse(recorded);
        Assert.Multiple(() =>
        {
            Assert.That(nino.Kind, Is.EqualTo(NinoKind.Valid));
            Assert.That(nino.IsValid, Is.True);
            Assert.That(nino.Normalised, Is.EqualTo(normalised));
            Assert.That(nino.Stem, Is.EqualTo(normalised[..8]));
        });
    }

    [TestCase("DA123456A", TestName = "first letter D")]
    [TestCase("FA123456A", TestName = "first letter F")]
    [TestCase("IA123456A", TestName = "first letter I")]
    [TestCase("QA123456A", TestName = "first letter Q")]
    [TestCase("UA123456A", TestName = "first letter U")]
    [TestCase("VA123456A", TestName = "first letter V")]
    [TestCase("AD123456A", TestName = "second letter D")]
    [TestCase("AF123456A", TestName = "second letter F")]
    [TestCase("AI123456A", TestName = "second letter I")]
    [TestCase("AO123456A", TestName = "second letter O")]
    [TestCase("AQ123456A", TestName = "second letter Q")]
    [TestCase("AU123456A", TestName = "second letter U")]
    [TestCase("AV123456A", TestName = "second letter V")]
    [TestCase("BG123456A", TestName = "prefix BG")]
    [TestCase("GB123456A", TestName = "prefix GB")]
    [TestCase("KN123456A", TestName = "prefix KN")]
    [TestCase("NK123456A", TestName = "prefix NK")]
    [TestCase("NT123456A", TestName = "prefix NT")]
    [TestCase("TN123456A", TestName = "prefix TN (with a non-temporary suffix)")]
    [TestCase("ZZ123456A", TestName = "prefix ZZ")]
    [TestCase("AB123456E", TestName = "suffix E")]
    [TestCase("AB1234567", TestName = "digit as suffix")]
    [TestCase("AB12345", TestName = "too short: five digits")]
    [TestCase("AB1234567C", TestName = "too long: seven digits")]
    [TestCase("AB123456CC", TestName = "too long: two suffix letters")]
    [TestCase("A1123456C", TestName = "digit in prefix")]
    [TestCase("AB12X456C", TestName = "letter among the digits")]
    [TestCase("ÀB123456C", TestName = "non-ASCII letter")]
    [TestCase("TN010180", TestName = "temporary reference without its M/F")]
    public void Parse_invalid(string recorded)
    {
        var nino = Nino.Parse(recorded);
        Assert.Multiple(() =>
        {
            Assert.That(nino.Kind, Is.EqualTo(NinoKind.Invalid));
            Assert.That(nino.IsValid, Is.False);
            Assert.That(nino.Stem, Is.Empty, "an invalid NINo offers nothing to NINo matching");
        });
    }

    [TestCase("TN010180M", "TN010180M", TestName = "temporary reference, male")]
    [TestCase("TN311299F", "TN311299F", TestName = "temporary reference, female")]
    [TestCase("tn 01 01 80 m", "TN010180M", TestName = "temporary reference, lower case and spaced")]
    public void Parse_temporary(string recorded, string normalised)
    {
        var nino = Nino.Parse(recorded);
        Assert.Multiple(() =>
        {
            Assert.That(nino.Kind, Is.EqualTo(NinoKind.Temporary));
            Assert.That(nino.IsValid, Is.False);
            Assert.That(nino.Normalised, Is.EqualTo(normalised));
        });
    }

    [TestCase(null, TestName = "null")]
    [TestCase("", TestName = "empty")]
    [TestCase("   ", TestName = "spaces only")]
    [TestCase(" - ", TestName = "separators only")]
    public void Parse_blank(string? recorded)
    {
        var nino = Nino.Parse(recorded);
        Assert.Multiple(() =>
        {
            Assert.That(nino.Kind, Is.EqualTo(NinoKind.Blank));
            Assert.That(nino.Normalised, Is.Empty);
            Assert.That(nino, Is.EqualTo(Nino.Blank));
        });
    }

    [TestCase("AB123456C", 'C')]
    [TestCase("AB123456", '\0')]
    public void Suffix_is_the_ninth_character_when_present(string recorded, char suffix)
        => Assert.That(Nino.Parse(recorded).Suffix, Is.EqualTo(suffix));

    [Test]
    public void Stem_ignores_the_suffix_so_a_missing_suffix_still_matches()
        => Assert.That(Nino.Parse("AB123456").Stem, Is.EqualTo(Nino.Parse("ab 12 34 56 c").Stem));

    [Test]
    public void Normalised_drops_separators_even_in_a_long_value()
    {
        var recorded = string.Concat(Enumerable.Repeat("ab 1-", 30));
        Assert.That(Nino.Parse(recorded).Normalised, Is.EqualTo(string.Concat(Enumerable.Repeat("AB1", 30))));
    }

    [Test]
    public void ToString_never_shows_the_value()
    {
        var shown = Nino.Parse("AB123456C").ToString();
        Assert.That(shown, Does.Not.Contain("AB").And.Not.Contain("123456"));
    }

    // A NINo of up to ten letters and digits is held packed, anything else as its string: both must read back as the
    // normalised text, compare by it, and write it without a string.
    [TestCase("AB123456C", NinoKind.Valid, TestName = "packed: valid")]
    [TestCase("TN010190M", NinoKind.Temporary, TestName = "packed: temporary")]
    [TestCase("A", NinoKind.Invalid, TestName = "packed: one character")]
    [TestCase("0000000000", NinoKind.Invalid, TestName = "packed: ten digits, the most that pack")]
    [TestCase("ZZ999999Z9", NinoKind.Invalid, TestName = "packed: ten characters, letters and digits")]
    [TestCase("AB123456C12", NinoKind.Invalid, TestName = "as text: eleven characters")]
    [TestCase("AB12345_C", NinoKind.Invalid, TestName = "as text: a character outside letters and digits")]
    [TestCase("ÅB123456C", NinoKind.Invalid, TestName = "as text: a non-ASCII letter")]
    public void Either_representation_reads_back_as_the_normalised_text(string recorded, NinoKind kind)
    {
        var nino = Nino.Parse(recorded);
        var again = Nino.ParseSpan(recorded.ToLowerInvariant().Insert(1, " "));
        var chars = new char[nino.Length];
        var written = new string(chars, 0, nino.CopyTo(chars));

        Assert.Multiple(() =>
        {
            Assert.That(nino.Normalised, Is.EqualTo(recorded.ToUpperInvariant()));
            Assert.That(nino.Kind, Is.EqualTo(kind));
            Assert.That(nino.Length, Is.EqualTo(recorded.Length));
            Assert.That(written, Is.EqualTo(nino.Normalised));
            Assert.That(again, Is.EqualTo(nino), "the same normalised text is the same value");
            Assert.That(again.GetHashCode(), Is.EqualTo(nino.GetHashCode()));
            Assert.That(Nino.Parse("AB123456D"), Is.Not.EqualTo(Nino.Parse("AB123456C")));
            Assert.That(nino, Is.Not.EqualTo(Nino.Blank));
        });
    }

    [Test]
    public void Blank_reads_back_as_empty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Nino.Parse("  - ").Normalised, Is.Empty);
            Assert.That(Nino.Parse("  - ").Length, Is.Zero);
            Assert.That(Nino.Parse(""), Is.EqualTo(Nino.Blank));
            Assert.That(Nino.Blank.Kind, Is.EqualTo(NinoKind.Blank));
        });
    }
}
