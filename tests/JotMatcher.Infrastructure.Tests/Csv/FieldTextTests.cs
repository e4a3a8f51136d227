using System.Text;
using System.Text.Unicode;
using CsvHelper;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Tests.Csv;

/// <summary>
/// The reader makes each kept string from the field's bytes itself (<see cref="FieldText"/>, <see cref="ColumnStringPool"/>)
/// instead of CsvHelper's <c>GetString(i).Trim()</c>: on seeded random fields, quoted and not, padded with spaces and tabs,
/// with Unicode spaces, non-ASCII letters, surrogate pairs, control characters, invalid bytes and NULs, both give the same
/// text, and a field that is not readable reads as blank with one warning; a field only staged reads as that text's UTF-8.
/// </summary>
public sealed class FieldTextTests
{
    private const int Fields = 6;

    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "O'Neill", "-", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u0085", "\u00e9", "\u00df", "\u0141",
        "\ud83d\ude00", "\u001f", "\v", "\f", ",", "\"", "\n", "\r\n", "\u200b", "\ufeff",
    ];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Fields_read_as_CsvHelper_GetString_then_Trim(int seed)
    {
        var random = new Random(seed);
        var text = new List<byte>(Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Range(0, Fields).Select(i => $"f{i}")) + "\n"));
        for (var r = 0; r < 2000; r++)
        {
            for (var f = 0; f < Fields; f++)
            {
                if (f > 0)
                {
                    text.Add((byte)',');
                }

                text.AddRange(RandomField(random));
            }

            text.Add((byte)'\n');
        }

        using var csv = CsvReader.Create([.. text], new CsvReaderOptions { Separator = ',', TrimWhitespace = true, PoolStrings = false });
        _ = csv.Headers;
        var row = new RowFields(csv);
        var pools = Enumerable.Range(0, Fields).Select(_ => new ColumnStringPool()).ToArray();
        var (records, readable, unreadable) = (0, 0, 0);
        while (csv.Read())
        {
            records++;
            for (var f = 0; f < Fields; f++)
            {
                var column = new Column($"f{f}", f);
                var bytes = csv.GetSpan(f);
                var expectReadable = bytes.Length <= RowFields.MaxFieldBytes && Utf8.IsValid(bytes) && !bytes.Contains((byte)0);
                var expected = expectReadable ? csv.GetString(f).Trim() : "";

                row.BeginRecord();
                var plain = row.Optional(column);
                var pooled = row.Optional(column, pools[f]);

                // A field only staged is read as bytes: exactly the string's UTF-8, with the same warning.
                var staged = row.OptionalUtf8(column).ToArray();
                Assert.That((plain, pooled, row.Warnings), Is.EqualTo((expected, expected, expectReadable || bytes.IsEmpty ? 0 : 3)), $"record {records}, field {f}");
                Assert.That(staged, Is.EqualTo(Encoding.UTF8.GetBytes(expected)), $"record {records}, field {f}: staged bytes");
                _ = expectReadable ? readable++ : unreadable++;
            }
        }

        // The corpus exercised both paths: every record was read, and some fields were unreadable.
        Assert.Multiple(() =>
        {
            Assert.That(records, Is.EqualTo(2000));
            Assert.That(unreadable, Is.GreaterThan(50));
            Assert.That(readable, Is.GreaterThan(5000));
        });
    }

    [TestCase("  Smith  ", "Smith")]
    [TestCase("\tSmith\v\f\r", "Smith")]
    [TestCase(" \t ", "")]
    [TestCase("a b", "a b")]
    [TestCase("", "")]
    public void TrimAscii_removes_what_string_Trim_removes(string value, string trimmed)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        Assert.Multiple(() =>
        {
            Assert.That(FieldText.IsPlainAscii(bytes), Is.True);
            Assert.That(FieldText.FromAscii(FieldText.TrimAscii(bytes)), Is.EqualTo(trimmed).And.EqualTo(value.Trim()));
        });
    }

    [Test]
    public void Every_ASCII_character_trims_as_string_Trim_does()
    {
        for (var c = 1; c < 0x80; c++)
        {
            var value = $"{(char)c}x{(char)c}";
            Assert.That(FieldText.FromAscii(FieldText.TrimAscii(Encoding.ASCII.GetBytes(value))), Is.EqualTo(value.Trim()), $"U+{c:X4}");
        }
    }

    [Test]
    public void A_NUL_or_a_byte_over_127_is_not_plain_ASCII()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FieldText.IsPlainAscii("ab\0c"u8), Is.False);
            Assert.That(FieldText.IsPlainAscii("caf\u00e9"u8), Is.False);
            Assert.That(FieldText.IsPlainAscii([0x41, 0xff]), Is.False);
            Assert.That(FieldText.IsPlainAscii("\u007f~ "u8), Is.True);
        });
    }

    /// <summary>A field as it appears in the file: quoted when it has to be (and sometimes when not), padded outside the quotes.</summary>
    internal static byte[] RandomField(Random random)
    {
        var value = new List<byte>();
        var length = random.Next(0, 7);
        for (var i = 0; i < length; i++)
        {
            var roll = random.Next(60);
            if (roll == 0)
            {
                value.Add(0xff);
            }
            else if (roll == 1)
            {
                value.Add(0);
            }
            else if (roll == 2)
            {
                value.AddRange([0xc3, 0x28]);
            }
            else
            {
                value.AddRange(Encoding.UTF8.GetBytes(Pieces[random.Next(Pieces.Length)]));
            }
        }

        if (random.Next(200) == 0)
        {
            value.AddRange(Enumerable.Repeat((byte)'x', RowFields.MaxFieldBytes));
        }

        var mustQuote = value.Exists(b => b is (byte)',' or (byte)'"' or (byte)'\n' or (byte)'\r');
        var padding = Encoding.ASCII.GetBytes(random.Next(4) switch { 0 => " ", 1 => "\t ", _ => "" });
        if (!mustQuote && random.Next(3) != 0)
        {
            return [.. padding, .. value, .. padding];
        }

        var quoted = new List<byte>(padding) { (byte)'"' };
        foreach (var b in value)
        {
            quoted.Add(b);
            if (b == (byte)'"')
            {
                quoted.Add(b);
            }
        }

        quoted.Add((byte)'"');
        return [.. quoted];
    }
}
