using System.Globalization;
using System.Text;
using CsvHelper;
using JotMatcher.Infrastructure.Export;
using JotMatcher.Infrastructure.Tests.Csv;

namespace JotMatcher.Infrastructure.Tests.Export;

/// <summary>
/// The export writer against CsvHelper's, with the options the exports were first written with: on seeded random
/// cells built from the characters that matter (separators, quotes, line breaks, formula triggers, non-ASCII), the
/// two must write exactly the same bytes, so the exports did not change when the writer did.
/// </summary>
public sealed class ExportFileTests
{
    private static readonly CsvWriterOptions CsvHelperOptions = new()
    {
        Separator = ',',
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    private static readonly string[] Pieces = ["a", "Z9", ",", "\"", "\r", "\n", "\r\n", "\t", " ", "=", "+", "-", "@", "'", "é", "日本", "😀", "\\", ";", "0"];

    private static readonly double[] Doubles = [0.0, -0.0, 0.00004, -0.00004, 0.00005, -0.00005, 1.23456789, -2.5, 1e15, -1e-9, 123456.78915];

    [Test]
    public void Random_rows_are_written_byte_for_byte_as_CsvHelper_wrote_them()
    {
        using var dataset = new TempDataset();
        var random = new Random(20261123);
        var rows = Enumerable.Range(0, 20_000).Select(_ => RandomRow(random)).ToList();
        string[] header = ["text", "int", "long", "fixed", "date", "other"];

        using (var file = ExportFile.Create(dataset.Root, "mine.csv", header))
        {
            foreach (var row in rows)
            {
                file.Text(row.Text);
                file.Number(row.Int);
                file.Number(row.Long);
                file.Fixed4(row.Double);
                file.Date(row.Date);
                file.Text(row.Other);
                file.EndRow();
            }

            file.Complete();
        }

        var theirs = Path.Combine(dataset.Root, "theirs.csv");
        using (var csv = CsvWriter.ToFile(theirs, CsvHelperOptions))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                csv.WriteField(row.Text);
                csv.WriteField(row.Int, default);
                csv.WriteField(row.Long, default);
                csv.WriteField(Math.Round(row.Double, 4) == 0 ? 0.0 : row.Double, "0.0000");
                csv.WriteField(row.Date, "yyyy-MM-dd");
                csv.WriteField(row.Other);
                csv.EndRecord();
            }
        }

        var expected = File.ReadAllBytes(theirs);
        var actual = File.ReadAllBytes(Path.Combine(dataset.Root, "mine.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(actual, Has.Length.EqualTo(expected.Length));
            var at = FirstDifference(expected, actual);
            Assert.That(at, Is.EqualTo(-1), () => $"first differing byte; expected {Around(expected, at)} but was {Around(actual, at)}");
            // Some cells were quoted and some neutralised (else the comparison proves little).
            Assert.That(Encoding.UTF8.GetString(actual), Does.Contain("\"'=").And.Contain(",'@").And.Contain("\"\""));
        });
    }

    [Test]
    public void Evidence_cells_repeated_as_bytes_are_the_bytes_of_formatting_them_each_time()
    {
        using var dataset = new TempDataset();
        var random = new Random(20261124);
        var rows = Enumerable.Range(0, 20_000).Select(_ => RandomRow(random)).ToList();
        // A pool of shared evidence rows, as the matcher shares them, and some rows of their own.
        var pool = Enumerable.Range(0, 50).Select(_ => new Core.Matching.FieldEvidence(rows[random.Next(rows.Count)].Text, rows[random.Next(rows.Count)].Other, rows[random.Next(rows.Count)].Double)).ToArray();
        var pairs = Enumerable.Range(0, 3_000).Select(_ => (
            Ids: rows[random.Next(rows.Count)],
            Evidence: Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(4) == 0
                ? new Core.Matching.FieldEvidence(rows[random.Next(rows.Count)].Other, rows[random.Next(rows.Count)].Text, rows[random.Next(rows.Count)].Double)
                : pool[random.Next(pool.Length)]).ToArray())).ToList();

        using (var plain = ExportFile.Create(dataset.Root, "plain.csv", "hmrc_id", "claim_id", "field", "level", "weight"))
        {
            foreach (var (ids, evidence) in pairs)
            {
                foreach (var e in evidence)
                {
                    plain.Text(ids.Text);
                    plain.Text(ids.Other);
                    plain.Text(e.Field);
                    plain.Text(e.Level);
                    plain.Fixed4(e.Weight);
                    plain.EndRow();
                }
            }

            plain.Complete();
        }

        var cells = new EvidenceCells();
        using (var repeated = ExportFile.Create(dataset.Root, "repeated.csv", "hmrc_id", "claim_id", "field", "level", "weight"))
        {
            var idBytes = new byte[4];
            var idLength = 0;
            foreach (var (ids, evidence) in pairs)
            {
                for (var i = 0; i < evidence.Length; i++)
                {
                    if (i == 0)
                    {
                        var start = repeated.Position;
                        repeated.Text(ids.Text);
                        repeated.Text(ids.Other);
                        idLength = repeated.CopySince(start, ref idBytes);
                    }
                    else
                    {
                        repeated.Repeat(idBytes.AsSpan(0, idLength));
                    }

                    cells.Write(repeated, evidence[i]);
                    repeated.EndRow();
                }
            }

            repeated.Complete();
        }

        var expected = File.ReadAllBytes(Path.Combine(dataset.Root, "plain.csv"));
        var actual = File.ReadAllBytes(Path.Combine(dataset.Root, "repeated.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(FirstDifference(expected, actual), Is.EqualTo(-1), () => $"first differing byte at {FirstDifference(expected, actual)}");
            Assert.That(expected.Length, Is.GreaterThan(100_000), "the files are big enough to flush more than once");
            Assert.That(Encoding.UTF8.GetString(actual), Does.Contain("\"'=").And.Contain("\"\""));
        });
    }

    private static string Around(byte[] bytes, int at)
        => System.Text.Json.JsonSerializer.Serialize(Encoding.UTF8.GetString(bytes, Math.Max(0, at - 40), Math.Min(bytes.Length, at + 40) - Math.Max(0, at - 40)));

    private static int FirstDifference(byte[] expected, byte[] actual)
    {
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return expected.Length == actual.Length ? -1 : Math.Min(expected.Length, actual.Length);
    }

    private static Row RandomRow(Random random)
    {
        string Text()
        {
            var builder = new StringBuilder();
            var pieces = random.Next(7);
            for (var i = 0; i < pieces; i++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }

            return builder.ToString();
        }

        double Double() => random.Next(3) == 0 ? Doubles[random.Next(Doubles.Length)] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 12));
        return new Row(
            Text(),
            random.Next(int.MinValue, int.MaxValue),
            random.NextInt64(long.MinValue, long.MaxValue),
            Double(),
            random.Next(4) == 0 ? null : DateOnly.FromDayNumber(random.Next(new DateOnly(1, 1, 1).DayNumber, new DateOnly(9999, 12, 31).DayNumber)),
            Text());
    }

    private sealed record Row(string Text, int Int, long Long, double Double, DateOnly? Date, string Other);
}
