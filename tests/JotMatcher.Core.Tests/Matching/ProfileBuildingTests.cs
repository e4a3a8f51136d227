using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Model;
using JotMatcher.Core.Matching.Text;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Matching;

/// <summary>
/// The fast ways the matcher builds its inputs give exactly what the plain ways give: shared name forms against names
/// derived afresh, the packed-key ordinal order against a plain ordinal sort, term frequencies counted by value against
/// counted by text. Seeded random inputs, so a failure reproduces.
/// </summary>
public sealed class ProfileBuildingTests
{
    // Millions of profiles are held through a whole match, side by side in arrays: a field added or laid out badly
    // (a reference after a byte) shows here before it shows in the memory of a five-million-person run.
    [Test]
    public void A_profile_is_a_value_of_56_bytes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(typeof(IdentityProfile).IsValueType, Is.True);
            Assert.That(Unsafe.SizeOf<IdentityProfile>(), Is.EqualTo(56));
        });
    }

    private static readonly string[] Pieces =
    [
        "Smith", "SMITH", "smith", "Jones", "O'Brien", "OBRIEN", "Smith-Jones", "SMITH JONES", "Müller", "Łukasz", "José",
        "Mary Ann", "MARY-ANN", "Bill", "william", "Liam", "  ", "", "123", "Mc Donald", "de la Cruz", "Ng", "A", "kate.",
        "Zoë", "ÅSA", "van der Berg", "Jean/Paul", "Anne\tMarie", "-", "x-", "Ó Súilleabháin",
    ];

    [Test]
    public void Shared_name_forms_are_the_forms_derived_afresh()
    {
        var cache = new NameForms.Cache();
        var random = new Random(20261123);
        for (var i = 0; i < 5000; i++)
        {
            var recorded = RandomName(random);
            var fresh = NameForms.Of(recorded);
            var shared = cache.Of(recorded);
            Assert.That(Describe(shared), Is.EqualTo(Describe(fresh)), recorded);
            Assert.That(fresh.Tokens, Is.EqualTo(NameText.Tokens(recorded)), recorded);
            Assert.That(fresh.Joined, Is.EqualTo(string.Concat(fresh.Tokens)), recorded);
            Assert.That(cache.Of(recorded), Is.SameAs(shared), "one forms object per recorded value");
        }
    }

    [Test]
    public void Equal_names_recorded_differently_share_one_string()
    {
        var cache = new NameForms.Cache();
        Assert.That(cache.Of("Smith").Joined, Is.SameAs(cache.Of("SMITH").Joined));
        Assert.That(cache.Of("Smith-Jones").Tokens[0], Is.SameAs(cache.Of("smith").First));
        Assert.That(cache.Of("Smith Jones").Joined, Is.SameAs(cache.Of("SMITHJONES").Joined));
    }

    [Test]
    public void A_profile_built_through_the_cache_equals_one_built_without()
    {
        var cache = new NameForms.Cache();
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var (surname, forenames) = (RandomName(random), RandomName(random));
            DateOnly? dob = random.Next(5) == 0 ? null : new DateOnly(1950, 1, 1).AddDays(random.Next(20000));
            var nino = Nino.Parse(string.Create(CultureInfo.InvariantCulture, $"AB{random.Next(1000000):D6}C"));
            var plain = IdentityProfile.Create(i, surname, forenames, dob, Sex.Female, "ls12 3ab", nino);
            var shared = IdentityProfile.Create(i, surname, forenames, dob, Sex.Female, "ls12 3ab", nino, cache);
            Assert.That(Describe(shared), Is.EqualTo(Describe(plain)), $"{surname} / {forenames}");
        }
    }

    [Test]
    public void A_postcode_kept_as_records_keep_it_is_not_copied()
    {
        const string Kept = "BD241NW";
        var kept = PostcodeParts.Parse(Kept);
        var recorded = PostcodeParts.Parse("bd24 1nw");
        Assert.That(kept.Text, Is.SameAs(Kept));
        Assert.That(recorded, Is.EqualTo(kept));
        Assert.That(kept.Outward.ToString(), Is.EqualTo("BD24"));
        Assert.That(PostcodeParts.Parse("BD24").IsFull, Is.False);
    }

    [Test]
    public void The_ordinal_order_is_a_stable_ordinal_sort()
    {
        var random = new Random(42);
        foreach (var shape in new[] { "short", "long", "wide", "nul", "sorted", "reversed", "few" })
        {
            var n = 3000;
            var primary = new string[n];
            var secondary = new string[n];
            for (var i = 0; i < n; i++)
            {
                primary[i] = shape switch
                {
                    "long" => "CUSTOMER-PREFIX-" + random.Next(500).ToString("D4", CultureInfo.InvariantCulture),
                    "wide" => "C" + (char)(0x100 + random.Next(3)) + random.Next(300).ToString(CultureInfo.InvariantCulture),
                    "nul" => "AB" + (random.Next(2) == 0 ? "\0" : "") + random.Next(30).ToString(CultureInfo.InvariantCulture),
                    "few" => random.Next(3).ToString(CultureInfo.InvariantCulture),
                    _ => "CU" + random.Next(800).ToString("D9", CultureInfo.InvariantCulture),
                };
                secondary[i] = "CL" + random.Next(50).ToString(CultureInfo.InvariantCulture);
            }

            if (shape is "sorted" or "reversed")
            {
                var byId = Enumerable.Range(0, n).OrderBy(i => primary[i], StringComparer.Ordinal).ThenBy(i => secondary[i], StringComparer.Ordinal).ToArray();
                if (shape == "reversed")
                {
                    Array.Reverse(byId);
                }

                (primary, secondary) = (Array.ConvertAll(byId, i => primary[i]), Array.ConvertAll(byId, i => secondary[i]));
            }

            var expected = Enumerable.Range(0, n).OrderBy(i => primary[i], StringComparer.Ordinal).ThenBy(i => secondary[i], StringComparer.Ordinal).ToArray();
            var (primaryIds, secondaryIds) = (Array.ConvertAll(primary, RecordId.Of), Array.ConvertAll(secondary, RecordId.Of));
            Assert.That(OrdinalOrder.Of(primaryIds, secondaryIds), Is.EqualTo(expected), shape);
            var items = Enumerable.Range(0, n).ToList();
            var (p, q) = (primary, secondary);
            Assert.That(OrdinalOrder.Sorted(items, i => RecordId.Of(p[i]), i => RecordId.Of(q[i])), Is.EqualTo(expected), shape);
            var primaryOnly = Enumerable.Range(0, n).OrderBy(i => primary[i], StringComparer.Ordinal).ToArray();
            Assert.That(OrdinalOrder.Of(primaryIds), Is.EqualTo(primaryOnly), shape);
        }
    }

    [Test]
    public void Term_frequencies_counted_by_value_equal_those_counted_by_text()
    {
        var random = new Random(3);
        var dates = Enumerable.Range(0, 20000)
            .Select(_ => random.Next(10) == 0 ? IdentityProfile.NoDate : 19700101 + random.Next(300))
            .ToArray();
        var byText = TermFrequencies.Count(dates.Select(MatchModel.DateKey));
        var byValue = TermFrequencies.Count(dates, MatchModel.DateKey);
        Assert.That(Json(byValue), Is.EqualTo(Json(byText)));
        Assert.That(byValue.FrequencyOf("19700105"), Is.EqualTo(byText.FrequencyOf("19700105")));
        Assert.That(byValue.Profiles, Is.EqualTo(20000));
    }

    private static string RandomName(Random random)
    {
        var parts = random.Next(4);
        var name = new StringBuilder();
        for (var p = 0; p < parts; p++)
        {
            name.Append(Pieces[random.Next(Pieces.Length)]);
            name.Append(random.Next(4) switch { 0 => "-", 1 => "", _ => " " });
        }

        return name.ToString();
    }

    private static string Describe(NameForms f)
        => string.Join("|", string.Join(",", f.Tokens), f.First, f.Joined, f.FirstMask, f.JoinedMask, f.FirstSoundex, f.JoinedSoundex,
            string.Join(",", f.FirstVariants.Groups), string.Join(",", f.FirstVariants.GroupsNear), f.FirstVariants.Initials);

    private static string Describe(IdentityProfile p)
        => string.Join("|", p.Owner, p.Surname, p.SurnameMask, p.ForenameMask, p.ForenamesJoinedMask, string.Join(",", p.SurnameParts),
            p.Forename, p.SurnameFirstPart, p.SurnameFirstPartMask, string.Join(",", p.SurnameVariants.Groups),
            string.Join(",", p.SurnameVariants.GroupsNear), p.SurnameVariants.Initials, string.Join(",", p.Forenames.Groups),
            string.Join(",", p.Forenames.GroupsNear), p.Forenames.Initials, string.Join(",", p.ForenameTokens), p.ForenamesJoined,
            p.SurnameSoundex, p.ForenameSoundex, p.DobDay, p.DobYmd, p.Postcode, p.Sex, p.Stem);

    /// <summary>A table as its model file writes it, under the property "t".</summary>
    internal static string Json(TermFrequencies t)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            t.Write(w, "t");
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
