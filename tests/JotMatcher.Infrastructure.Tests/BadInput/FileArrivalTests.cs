using System.Text;
using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Tests.Csv;

namespace JotMatcher.Infrastructure.Tests.BadInput;

/// <summary>
/// Whole files that cannot be read as they stand — still being written, gone, or a record too large to buffer —
/// are quarantined with a reason on line 0: none of their rows kept or counted, their ids not held against later
/// files, and every other file of the dataset read as usual.
/// </summary>
public sealed class FileArrivalTests
{
    private const string Header = TempDataset.ClaimsHeader;

    [Test]
    public void A_zero_byte_file_still_open_for_writing_is_quarantined_and_the_good_file_is_read()
    {
        using var dataset = new TempDataset();
        var path = Path.Combine(dataset.Root, "claims", "b_arriving.csv");
        using var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        dataset.Claims("a_good.csv", Header + "\n" + TempDataset.ClaimRow("G1") + "\n");

        var result = DatasetReader.ReadDataset(dataset.Root);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rejects, Is.EqualTo(new[] { new Reject("b_arriving.csv", 0, "empty file (0 bytes); it may still be being written — not ingested") }));
            Assert.That(result.Claims.Select(c => c.ClaimId.ToString()), Is.EqualTo(new[] { "G1" }));
            Assert.That(result.FileCounts.All(c => c.Reconciles), Is.True);
        });
    }

    [Test]
    public void A_file_locked_by_its_writer_is_quarantined_not_a_crash()
    {
        using var dataset = new TempDataset();
        var path = Path.Combine(dataset.Root, "claims", "b_locked.csv");
        using var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        writer.Write(Encoding.UTF8.GetBytes(Header + "\n" + TempDataset.ClaimRow("X1") + "\nX2,P1,AB12"));
        writer.Flush();
        dataset.Claims("a_good.csv", Header + "\n" + TempDataset.ClaimRow("G1") + "\n");

        var result = DatasetReader.ReadDataset(dataset.Root);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rejects, Is.EqualTo(new[] { new Reject("b_locked.csv", 0, "could not be opened (IOException); it may still be being written — not ingested") }));
            Assert.That(result.FileCounts.Single(c => c.File == "b_locked.csv").RowsRead, Is.Zero);
            Assert.That(result.Claims.Select(c => c.ClaimId.ToString()), Is.EqualTo(new[] { "G1" }));
        });
    }

    [Test]
    public void A_file_gone_between_listing_and_reading_is_quarantined_not_a_crash()
    {
        using var dataset = new TempDataset();
        // A dangling link is listed like a file but cannot be opened: the same as a file moved away mid-run.
        File.CreateSymbolicLink(Path.Combine(dataset.Root, "claims", "b_gone.csv"), Path.Combine(dataset.Root, "nowhere.csv"));
        dataset.Claims("a_good.csv", Header + "\n" + TempDataset.ClaimRow("G1") + "\n");

        var result = DatasetReader.ReadDataset(dataset.Root);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rejects, Is.EqualTo(new[] { new Reject("b_gone.csv", 0, "could not be opened (FileNotFoundException); it may still be being written — not ingested") }));
            Assert.That(result.Claims.Select(c => c.ClaimId.ToString()), Is.EqualTo(new[] { "G1" }));
        });
    }

    [Test]
    public void A_quote_never_closed_in_a_file_over_the_record_limit_quarantines_it_whole_and_frees_its_ids()
    {
        using var dataset = new TempDataset();
        // Rows before the runaway quote were already accepted when the limit is hit: they must be dropped too.
        var text = new StringBuilder(Header + ",notes\n" + TempDataset.ClaimRow("R1") + ",ok\n" + TempDataset.ClaimRow("R2") + ",\"never closed\n");
        var filler = new string('y', 1000) + "\n";
        while (text.Length < 17 * 1024 * 1024)
        {
            text.Append(filler);
        }

        dataset.Claims("a_runaway.csv", text.ToString());
        dataset.Claims("b_good.csv", string.Join('\n', Header, TempDataset.ClaimRow("R1", customerId: "P9"), TempDataset.ClaimRow("G1")) + "\n");

        var result = DatasetReader.ReadDataset(dataset.Root);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rejects, Is.EqualTo(new[] { new Reject("a_runaway.csv", 0, "a record starting near line 3 is over 16 MB (a quote never closed?) — not ingested") }));
            Assert.That(result.FileCounts.Single(c => c.File == "a_runaway.csv"), Has.Property("RowsRead").Zero.And.Property("Accepted").Zero);
            // R1 of the quarantined file is not held against b_good.csv's R1.
            Assert.That(result.Claims.Select(c => (c.ClaimId.ToString(), c.CustomerId.ToString(), c.Source.File)), Is.EqualTo(new[] { ("R1", "P9", "b_good.csv"), ("G1", "P1", "b_good.csv") }));
        });
    }
}
