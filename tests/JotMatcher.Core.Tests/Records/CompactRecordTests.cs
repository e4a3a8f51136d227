using JotMatcher.Core.Identity;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Records;

/// <summary>
/// Records keep their optional dates, flags and source in compact fields behind the properties: every value set is the
/// value read back, on seeded random input (so a failure reproduces), including the edges of the date range, and a
/// record compares and copies (<c>with</c>) by those values as a plain record does.
/// </summary>
public sealed class CompactRecordTests
{
    [Test]
    public void A_claim_spell_reads_back_every_value_it_was_given()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 20000; i++)
        {
            var (dob, end, start) = (RandomDate(random), RandomDate(random), RandomDate(random) ?? DateOnly.MinValue);
            var flags = (Employed: random.Next(2) == 0, LoneParent: random.Next(2) == 0, Disabled: random.Next(2) == 0, HasChildren: random.Next(2) == 0);
            var source = new SourceLocation("claims-" + random.Next(10) + ".csv", random.NextInt64(long.MaxValue));
            var spell = new ClaimSpell
            {
                ClaimId = "C" + i,
                CustomerId = "P" + i,
                DateOfBirth = dob,
                Employed = flags.Employed,
                LoneParent = flags.LoneParent,
                Disabled = flags.Disabled,
                HasChildren = flags.HasChildren,
                ClaimStart = start,
                ClaimEnd = end,
                Source = source,
            };

            Assert.That((spell.DateOfBirth, spell.ClaimEnd, spell.ClaimStart, spell.Source), Is.EqualTo((dob, end, start, source)));
            Assert.That((spell.Employed, spell.LoneParent, spell.Disabled, spell.HasChildren), Is.EqualTo(flags));
        }
    }

    [Test]
    public void An_employment_reads_back_every_value_it_was_given()
    {
        var random = new Random(7);
        for (var i = 0; i < 20000; i++)
        {
            var (dob, notified) = (RandomDate(random), RandomDate(random));
            var source = new SourceLocation("hmrc.csv", random.Next());
            var employment = new HmrcEmployment { HmrcId = "H" + i, DateOfBirth = dob, EmploymentStart = DateOnly.MaxValue, NotifiedOn = notified, Source = source };
            Assert.That((employment.DateOfBirth, employment.NotifiedOn, employment.Source), Is.EqualTo((dob, notified, source)));
        }
    }

    [Test]
    public void Records_compare_and_copy_by_value()
    {
        var spell = new ClaimSpell
        {
            ClaimId = "C1", CustomerId = "P1", Nino = Nino.Parse("AB123456C"), DateOfBirth = new DateOnly(1970, 1, 1), ClaimStart = new DateOnly(2007, 1, 1),
            Disabled = true, Source = new SourceLocation("a.csv", 2),
        };
        var same = spell with { };
        var changed = spell with { Disabled = false };
        Assert.Multiple(() =>
        {
            Assert.That(same, Is.EqualTo(spell));
            Assert.That(same.GetHashCode(), Is.EqualTo(spell.GetHashCode()));
            Assert.That(changed, Is.Not.EqualTo(spell));
            Assert.That((changed.Disabled, changed.DateOfBirth, changed.Source), Is.EqualTo((false, spell.DateOfBirth, spell.Source)));
            Assert.That(spell with { DateOfBirth = null }, Is.Not.EqualTo(spell));
            Assert.That(new ClaimSpell { ClaimId = "C", CustomerId = "P", ClaimStart = default }.Source, Is.EqualTo(default(SourceLocation)));
        });
    }

    /// <summary>A date anywhere in DateOnly's range (its two ends often), or none.</summary>
    private static DateOnly? RandomDate(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => DateOnly.MinValue,
        2 => DateOnly.MaxValue,
        _ => DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber + 1)),
    };
}
