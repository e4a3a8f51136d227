using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Tests.Csv;

namespace JotMatcher.Infrastructure.Tests.Fuzz;

/// <summary>Each test here is a bug <see cref="ReaderFuzzTests"/> found, cut down to its smallest input; each failed before its fix.</summary>
public sealed class FuzzFoundRegressionTests
{
    /// <summary>
    /// Fuzz seed 7, case 7003023 (blank line, then a header with text after a closing quote): CsvHelper skipped the
    /// broken header and took the next record as the header, so that data row vanished without a reject and the
    /// rest was read under the wrong column names. A broken header quarantines the file wherever it starts.
    /// </summary>
    [TestCase("")]
    [TestCase("\n")]
    [TestCase("\r\n\n")]
    [TestCase(" \t \n")]
    public void A_malformed_header_after_blank_lines_quarantines_the_file_and_no_data_row_becomes_the_header(string before)
    {
        using var dataset = new TempDataset();
        var path = dataset.Claims("c.csv", before
            + "claim_id,\"customer_id\"x,claim_start\n"
            + "claim_id,customer_id,claim_start\n" // a data row that happens to look like a header
            + "C1,P1,2007-01-01\n");

        var file = DatasetReader.ReadClaimsFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(file.Rejects, Is.EqualTo(new[] { new Reject("c.csv", 0, "header: malformed quoting: text after a closing quote") }));
            Assert.That(file.Records, Is.Empty);
            Assert.That(file.Counts.RowsRead, Is.Zero);
        });
    }
}
