using System.Text;
using JotMatcher.Core.Identity;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Tests.Csv;

/// <summary>
/// The reader takes a repeated customer id, NINo or postcode from the previous row (<see cref="RepeatedField{T}"/>):
/// on seeded random rows full of repeats, some unreadable or missing, every record, reject and warning is what
/// reading each row on its own gives.
/// </summary>
public sealed class RepeatedFieldTests
{
    private static readonly byte[][] Customers = [.. new[] { "P1", "P2", " P3 ", "", "P\u00e94" }.Select(Encoding.UTF8.GetBytes), [(byte)'P', 0xff]];
    private static readonly byte[][] Ninos = [.. new[] { "AB123456C", "ab 12 34 56 c", "", "TN010170M", "  ", "ZZ123456A" }.Select(Encoding.UTF8.GetBytes), [0xc3, 0x28], [(byte)'A', 0]];
    private static readonly byte[][] Postcodes = [.. new[] { "AB1 2CD", "ab12cd", "", "SW1A\u00a01AA", new string('X', 5000) }.Select(Encoding.UTF8.GetBytes), [0xfe, (byte)'1']];

    // Pooled: postcodes taken from a pool shared with other files (SharedStringPool), as staging reads them.
    [Test]
    public void Rows_with_repeated_fields_read_as_each_row_read_on_its_own([Values(1, 2, 3)] int seed, [Values] bool pooled)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 3000).Select(_ => (Customer: Pick(random, Customers), Nino: Pick(random, Ninos), Postcode: Pick(random, Postcodes))).ToList();
        var text = new List<byte>(Encoding.UTF8.GetBytes("claim_id,customer_id,nino,postcode,claim_start,benefit\n"));
        for (var i = 0; i < rows.Count; i++)
        {
            text.AddRange(Encoding.UTF8.GetBytes($"C{i},"));
            text.AddRange(rows[i].Customer);
            text.Add((byte)',');
            text.AddRange(rows[i].Nino);
            text.Add((byte)',');
            text.AddRange(rows[i].Postcode);
            text.AddRange(",2007-01-01,JSA\n"u8.ToArray());
        }

        using var dataset = new TempDataset();
        var file = DatasetReader.ReadClaimsFile(dataset.Write("claims", "c.csv", [.. text]), new IdRegistry(), postcodes: pooled ? new SharedStringPool() : null);

        var expectedIds = new List<string>();
        var expectedRejects = new List<long>();
        long warnings = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var (customer, nino, postcode) = rows[i];
            var customerText = Decode(customer)?.Trim();
            if (string.IsNullOrEmpty(customerText) || postcode.Length > RowFields.MaxFieldBytes)
            {
                expectedRejects.Add(i + 2);
                continue;
            }

            warnings += (Decode(nino) is null ? 1 : 0) + (Decode(postcode) is null ? 1 : 0);
            expectedIds.Add($"C{i}");
            var c = file.Records[expectedIds.Count - 1];
            var expectedNino = Nino.Parse(Decode(nino)?.Trim() ?? "");
            var expectedPostcode = string.Concat((Decode(postcode)?.Trim() ?? "").Where(ch => !char.IsWhiteSpace(ch)).Select(char.ToUpperInvariant));
            Assert.That((c.ClaimId.ToString(), c.CustomerId.ToString(), c.Nino, c.Postcode), Is.EqualTo(($"C{i}", customerText, expectedNino, expectedPostcode)), $"row {i + 2}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(file.Records.Select(r => r.ClaimId.ToString()), Is.EqualTo(expectedIds));
            Assert.That(file.Rejects.Select(r => r.Line), Is.EqualTo(expectedRejects));
            Assert.That(file.Counts.Warnings, Is.EqualTo(warnings));
        });
    }

    private static byte[] Pick(Random random, byte[][] values) => values[random.Next(values.Length)];

    /// <summary>The text of a field, or null when the reader must treat it as unreadable (invalid UTF-8 or a NUL byte).</summary>
    private static string? Decode(byte[] field)
        => System.Text.Unicode.Utf8.IsValid(field) && !field.Contains((byte)0) ? Encoding.UTF8.GetString(field) : null;
}
