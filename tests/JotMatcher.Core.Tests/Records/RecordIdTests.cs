using System.Text;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Records;

/// <summary>
/// A <see cref="RecordId"/> is its text: it reads back as the text it was made from, and it orders, equals and hashes
/// exactly as that text does under ordinal comparison, whether it was packed or kept its string, and whichever way
/// it was made (from a string or from a field's ASCII bytes). Seeded random ids mixing every shape, so a failure
/// reproduces.
/// </summary>
public sealed class RecordIdTests
{
    // Packable characters, their neighbours in code order (which must sort between them correctly), and some that
    // never pack: lower case, a space, a NUL, a character above Latin-1.
    private const string Packable = "-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    private const string Others = ".,+ :@[`az\0\u00e9\u0141\uffff";

    [Test]
    public void An_id_orders_equals_and_hashes_as_its_text_does()
    {
        var random = new Random(20261207);
        var texts = Enumerable.Range(0, 4000).Select(_ => RandomText(random)).ToArray();
        var ids = Array.ConvertAll(texts, RecordId.Of);
        for (var n = 0; n < 200_000; n++)
        {
            var (i, j) = (random.Next(texts.Length), random.Next(texts.Length));
            var expected = Math.Sign(string.CompareOrdinal(texts[i], texts[j]));
            Assert.That(Math.Sign(ids[i].CompareTo(ids[j])), Is.EqualTo(expected), $"{Show(texts[i])} vs {Show(texts[j])}");
            Assert.That(ids[i] == ids[j], Is.EqualTo(expected == 0), $"{Show(texts[i])} == {Show(texts[j])}");
            if (expected == 0)
            {
                Assert.That(ids[i].GetHashCode(), Is.EqualTo(ids[j].GetHashCode()));
            }
        }
    }

    [Test]
    public void An_id_reads_back_as_its_text_however_it_was_made()
    {
        var random = new Random(5);
        Span<char> chars = stackalloc char[RecordId.MaxPackedLength];
        Span<byte> ascii = stackalloc byte[RecordId.MaxPackedLength];
        for (var n = 0; n < 50_000; n++)
        {
            var text = RandomText(random);
            var id = RecordId.Of(text);
            Assert.That((id.ToString(), id.Length, id.Chars(chars).ToString()), Is.EqualTo((text, text.Length, text)), Show(text));
            if (id.TryGetAscii(ascii, out var written))
            {
                Assert.That(Encoding.ASCII.GetString(ascii[..written]), Is.EqualTo(text));
            }

            if (text.All(c => c is > '\0' and < '\u0080'))
            {
                var fromBytes = RecordId.OfAscii(Encoding.ASCII.GetBytes(text));
                Assert.That((fromBytes == id, fromBytes.GetHashCode() == id.GetHashCode(), fromBytes.ToString()), Is.EqualTo((true, true, text)), Show(text));
            }
        }
    }

    [Test]
    public void Only_short_ids_of_the_packed_characters_are_packed()
    {
        Span<byte> ascii = stackalloc byte[RecordId.MaxPackedLength];
        Assert.That(RecordId.Of("CL000000001").TryGetAscii(ascii, out _), Is.True);
        Assert.That(RecordId.Of("__ZZZZZZZZZZ").TryGetAscii(ascii, out _), Is.True, "twelve of the last character: the largest packed id");
        Assert.That(RecordId.Of("CL0000000001X").TryGetAscii(ascii, out _), Is.False, "thirteen characters");
        Assert.That(RecordId.Of("cl1").TryGetAscii(ascii, out _), Is.False, "lower case");
        Assert.That(RecordId.Of("").TryGetAscii(ascii, out _), Is.False, "empty");
        Assert.That((default(RecordId) == RecordId.Of(""), default(RecordId).IsEmpty, default(RecordId).ToString()), Is.EqualTo((true, true, "")));
    }

    [Test]
    public void Pairs_of_ids_order_by_the_first_then_the_second()
    {
        Assert.That(RecordId.Compare("H1", "C9", "H1", "C10"), Is.GreaterThan(0), "ordinal: C10 before C9");
        Assert.That(RecordId.Compare("H1", "C9", "H2", "C1"), Is.LessThan(0));
        Assert.That(RecordId.Compare("h1", "C1", "h1", "C1"), Is.Zero);
    }

    private static string RandomText(Random random)
    {
        // Mostly extract-like ids and their prefixes (which pack), some long ones, some with characters that never pack.
        var length = random.Next(10) switch
        {
            0 => 0,
            1 => random.Next(13, 20),
            _ => random.Next(1, RecordId.MaxPackedLength + 1),
        };
        var others = random.Next(4) == 0;
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // Few distinct characters a position, so that equal ids and long shared prefixes are common.
            chars[i] = others && random.Next(3) == 0 ? Others[random.Next(Others.Length)]
                : random.Next(3) == 0 ? Packable[random.Next(Packable.Length)] : "C0L9_"[random.Next(5)];
        }

        return new string(chars);
    }

    private static string Show(string text) => string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
}
