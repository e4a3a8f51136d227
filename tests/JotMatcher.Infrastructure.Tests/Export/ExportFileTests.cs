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
