namespace JotMatcher.Infrastructure.Tests.Security;

/// <summary>The scan behind every "no personal data" test finds the planted values in the forms they could leak in.</summary>
public sealed class PersonalDataScanTests
{
    [TestCase("reason: jx 73 91 46 b", "NINo JX739146")]
    [TestCase("JX-73-91-46-B", "NINo JX739146")]
    [TestCase("id=kc582047", "NINo KC582047")]
    [TestCase("row QUUXBRIDGE ...", "name Quuxbridge")]
    [TestCase("ottoline", "name Ottoline")]
    [TestCase("born 1961-07-23", "date of birth 1961-07-23")]
    [TestCase("born 23/07/1961", "date of birth 23/07/1961")]
    [TestCase("DateOnly printed invariant: 07/23/1961", "date of birth 07/23/1961")]
    [TestCase("19610723", "date of birth 19610723")]
    public void Finds_a_planted_value_in_any_form(string text, string found)
        => Assert.That(PersonalData.FoundIn(text), Is.EqualTo(new[] { found }));

    [Test]
    public void Finds_nothing_in_ids_counts_and_other_dates()
        => Assert.That(PersonalData.FoundIn("replay: 20 rows read; C1 H1 P1 2007-03-10 AB123456C Smith"), Is.Empty);
}
