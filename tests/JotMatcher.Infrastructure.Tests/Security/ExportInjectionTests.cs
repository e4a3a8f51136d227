using System.Globalization;
using System.Text;
using CsvHelper;
using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Export;
using JotMatcher.Infrastructure.Tests.Csv;

namespace JotMatcher.Infrastructure.Tests.Security;

/// <summary>
/// Issue 7, CSV injection: a text cell of an export that begins with <c>= + - @</c>, a tab or a carriage return
/// would be run as a formula by a spreadsheet opening the file, so it is written with a leading apostrophe (and
/// quoted); the numeric columns — scores, points, line numbers and the evidence weights, negative ones included —
/// stay plain numbers a spreadsheet can sum.
/// </summary>
public sealed class ExportInjectionTests
{
    private static readonly string[] Triggers = ["=", "+", "-", "@", "\t", "\r"];

    /// <summary>The numeric columns of each export; every other column is text.</summary>
    private static readonly Dictionary<string, string[]> NumericColumns = new(StringComparer.Ordinal)
    {
        ["outcomes.csv"] = ["match_score", "priority_group", "base_points", "sustain_points", "area_points", "child_points", "total_points"],
        ["evidence.csv"] = ["weight"],
        ["review.csv"] = ["match_score"],
        ["referrals.csv"] = [],
        ["rejects.csv"] = ["line"],
    };

    [Test]
    public void Text_cells_starting_like_a_formula_get_an_apostrophe_and_numbers_keep_their_sign()
    {
        using var dataset = new TempDataset();
        string[] texts = [.. Triggers.Select(t => t + "1+cmd|' /C calc'!A0"), "a=b", "plain", "'quoted already", "-"];
        using (var file = ExportFile.Create(dataset.Root, "cells.csv", "text", "int", "long", "fixed"))
        {
            foreach (var text in texts)
            {
                file.Text(text);
                file.Number(-7);
                file.Number(-9_000_000_000L);
                file.Fixed4(-2.5);
                file.EndRow();
            }

            file.Complete();
        }

        var rows = ReadCells(Path.Combine(dataset.Root, "cells.csv")).Skip(1).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[]
            {
                "'=1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0", "'@1+cmd|' /C calc'!A0",
                "'\t1+cmd|' /C calc'!A0", "'\r1+cmd|' /C calc'!A0", "a=b", "plain", "'quoted already", "'-",
            }));
            Assert.That(rows.Select(r => (r[1], r[2], r[3])).Distinct(), Is.EqualTo(new[] { ("-7", "-9000000000", "-2.5000") }));
            // Numbers are written bare, never quoted: a spreadsheet reads them as numbers.
            Assert.That(File.ReadAllText(Path.Combine(dataset.Root, "cells.csv")), Does.Contain(",-7,-9000000000,-2.5000\n"));
        });
    }

    [Test]
    public void Hostile_ids_codes_and_file_names_from_the_inputs_are_neutralised_in_every_export()
    {
        using var dataset = new TempDataset();
        const string Header = "claim_id,customer_id,nino,surname,forenames,date_of_birth,sex,postcode,benefit,employed,lone_parent,disabled,has_children,programme,claim_start,claim_end,office_code,district_code,area_code";
        dataset.Claims("=HYPERLINK(1).csv", string.Join('\n',
            Header,
            // An outcome: ended JSA spell, job within the window.
            "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+CUST1,AB123456C,Smith,John,1970-02-01,M,AB1 2CD,JSA,N,N,N,N,,2007-01-01,2007-03-01,-O1,@D1,=A1",
            // A referral: the job starts while this open spell runs.
            "-C2,@CUST2,CE654321A,Jones,Mary,1980-05-05,F,E1 6AN,JSA,N,N,N,N,,2007-01-01,,+O2,-D2,@A2",
            // Same NINo as the HMRC row below, different person: a review case with negative evidence.
            "@C3,=CUST3,HT112233B,Brown,Alan,1955-01-01,M,M1 1AA,IS,N,N,N,N,,2006-06-01,2007-02-01,=O3,+D3,-A3",
            // A reject whose file name column starts with '='.
            "C4,P4,,,,,,,JSA,N,N,N,N,,2007-02-30,,O4,D4,A4") + "\n");
        dataset.Hmrc("+feed.csv", string.Join('\n',
            "hmrc_id,nino,surname,forenames,date_of_birth,sex,postcode,employer_ref,employment_start,notified_on",
            "-H1,AB123456C,Smith,John,1970-02-01,M,AB1 2CD,=123/AB45678,2007-03-10,2007-04-01",
            "@H2,CE654321A,Jones,Mary,1980-05-05,F,E1 6AN,+123/AB45678,2007-02-10,2007-04-01",
            "=H3,HT112233B,Zimmerman,Zed,1990-12-12,F,ZZ9 9ZZ,123/AB45678,2007-02-20,2007-04-01") + "\n");
        var outDirectory = Path.Combine(dataset.Root, "out");

        ReplayToExports(dataset.Root, outDirectory);

        var cells = new List<(string File, string Column, string Value)>();
        foreach (var (file, numeric) in NumericColumns)
        {
            var rows = ReadCells(Path.Combine(outDirectory, file));
            var header = rows[0];
            foreach (var row in rows.Skip(1))
            {
                for (var c = 0; c < header.Length; c++)
                {
                    cells.Add((file, header[c], row[c]));
                }
            }
        }

        var text = cells.Where(c => !NumericColumns[c.File].Contains(c.Column)).ToList();
        var numbers = cells.Where(c => NumericColumns[c.File].Contains(c.Column)).ToList();
        Assert.Multiple(() =>
        {
            // The hostile values did reach the exports (else this test proves nothing) ...
            Assert.That(text.Select(c => c.Value), Does.Contain("'=HYPERLINK(\"http://x\",\"y\")").And.Contain("'-H1").And.Contain("'+CUST1")
                .And.Contain("'-O1").And.Contain("'@D1").And.Contain("'@H2").And.Contain("'=H3").And.Contain("'=HYPERLINK(1).csv"));
            Assert.That(cells.Select(c => c.File).Distinct(), Is.EquivalentTo(new[] { "outcomes.csv", "evidence.csv", "review.csv", "referrals.csv", "rejects.csv" }));
            // ... and no text cell starts like a formula.
            Assert.That(text.Where(c => c.Value.Length > 0 && "=+-@\t\r".Contains(c.Value[0], StringComparison.Ordinal)), Is.Empty);
            // Every numeric cell is a plain number, and some evidence weights are negative.
            Assert.That(numbers.Where(c => !double.TryParse(c.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)), Is.Empty);
            Assert.That(numbers.Where(c => c.File == "evidence.csv").Select(c => c.Value), Has.Some.StartsWith("-"));
        });
    }

    private static void ReplayToExports(string datasetDirectory, string outDirectory)
    {
        var dataset = DatasetReader.ReadDataset(datasetDirectory);
        var rules = RuleSetCatalog.LoadBundled().WithOverrides(dataset.Manifest.RuleSetOverrides);
        var input = new RunInput(dataset.Claims, dataset.Employments, dataset.Reference, rules, JobOutcomeRun.InferAsOf(dataset.Employments));
        var result = JobOutcomeRun.Execute(input, new MatchingSettings { RandomPairSamples = 10_000 });
        ExportWriter.Write(outDirectory, ExportSet.From(dataset, result));
    }

    /// <summary>Every record of an export as its unquoted cells, the header first.</summary>
    private static List<string[]> ReadCells(string path)
    {
        var rows = new List<string[]>();
        using var csv = CsvReader.Create(new MemoryStream(File.ReadAllBytes(path)), new CsvReaderOptions { Separator = ',', HasHeader = false });
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return rows;
    }
}
