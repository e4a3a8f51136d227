using System.Security.Cryptography;
using System.Text;
using JotMatcher.Core.Identity;
using JotMatcher.Infrastructure.Postgres;

namespace JotMatcher.Infrastructure.Tests.Security;

/// <summary>
/// The stored pseudonym is HMAC-SHA256 of the normalised NINo under the key (SPEC §7), whether computed one at a time
/// or through a writer's batch that reuses one HMAC context for many NINos.
/// </summary>
public sealed class NinoPseudonymTests
{
    private static readonly byte[] Key = "pseudonym-tests-key-0123456789"u8.ToArray();

    [Test]
    public void A_batch_gives_every_nino_the_keyed_hmac_of_its_normalised_form_however_many_came_before()
    {
        var pseudonymizer = new NinoPseudonymizer(Key);
        var ninos = new[] { "AB123456C", "ab 12 34 56 c", "QQ123456", "ZX987654A", "AB123456C" }.Select(Nino.Parse).ToArray();

        string?[] batched;
        using (var batch = pseudonymizer.StartBatch())
        {
            batched = [.. ninos.Select(batch.Pseudonym)];
        }

        Assert.Multiple(() =>
        {
            for (var i = 0; i < ninos.Length; i++)
            {
                var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(ninos[i].Normalised)));
                Assert.That(batched[i], Is.EqualTo(expected), $"NINo #{i} in the batch");
                Assert.That(pseudonymizer.Pseudonym(ninos[i]), Is.EqualTo(expected), $"NINo #{i} on its own");
            }

            Assert.That(batched[0], Is.EqualTo(batched[1]), "the same NINo written two ways is one person");
            Assert.That(batched[0], Is.Not.EqualTo(batched[3]));
        });
    }

    [Test]
    public void A_blank_nino_has_no_pseudonym_and_does_not_disturb_the_next()
    {
        var pseudonymizer = new NinoPseudonymizer(Key);
        using var batch = pseudonymizer.StartBatch();

        Assert.Multiple(() =>
        {
            Assert.That(batch.Pseudonym(Nino.Blank), Is.Null);
            Assert.That(batch.Pseudonym(Nino.Parse("")), Is.Null);
            Assert.That(batch.Pseudonym(Nino.Parse("AB123456C")), Is.EqualTo(pseudonymizer.Pseudonym(Nino.Parse("AB123456C"))));
        });
    }
}
