using JotMatcher.Infrastructure.Export;

namespace JotMatcher.Infrastructure.Tests.Export;

public sealed class ExportComparerTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolders()
    {
        _root = Path.Combine(Path.GetTempPath(), "jot-compare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "expected"));
        Directory.CreateDirectory(Path.Combine(_root, "out"));
    }

    [TearDown]
    public void RemoveFolders() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Identical_files_compare_equal()
    {
        Write("expected/outcomes.csv", "h,c\nH1,C1\nH2,C2\n");
        Write("out/outcomes.csv", "h,c\nH1,C1\nH2,C2\n");
        Write("out/evidence.csv", "not expected, so not compared\n");

        var comparison = ExportComparer.Compare(Path.Combine(_root, "expected"), Path.Combine(_root, "out"));

        Assert.That(comparison.Identical, Is.True);
        Assert.That(comparison.FilesCompared, Is.EqualTo(new[] { "outcomes.csv" }));
    }

    [Test]
    public void A_changed_row_is_reported_as_one_line_lost_and_one_gained_with_line_numbers()
    {
        Write("expected/outcomes.csv", "h,c,p\nH1,C1,12\nH2,C2,8\nH3,C3,4\n");
        Write("out/outcomes.csv", "h,c,p\nH1,C1,12\nH2,C2,9\nH3,C3,4\n");

        var comparison = ExportComparer.Compare(Path.Combine(_root, "expected"), Path.Combine(_root, "out"));

        Assert.That(comparison.Identical, Is.False);
        Assert.That(comparison.Differences, Is.EqualTo(new[]
        {
            new ExportLineDifference("outcomes.csv", '-', 3, "H2,C2,8"),
            new ExportLineDifference("outcomes.csv", '+', 3, "H2,C2,9"),
        }));
    }

    [Test]
    public void An_extra_row_does_not_misalign_the_rows_after_it()
    {
        Write("expected/review.csv", "h,c\nH1,C1\nH3,C3\n");
        Write("out/review.csv", "h,c\nH1,C1\nH2,C2\nH3,C3\n");

        var comparison = ExportComparer.Compare(Path.Combine(_root, "expected"), Path.Combine(_root, "out"));

        Assert.That(comparison.Differences, Is.EqualTo(new[] { new ExportLineDifference("review.csv", '+', 3, "H2,C2") }));
    }

    [Test]
    public void A_missing_output_file_is_a_difference()
    {
        Write("expected/referrals.csv", "h,c\n");

        var comparison = ExportComparer.Compare(Path.Combine(_root, "expected"), Path.Combine(_root, "out"));

        Assert.That(comparison.Identical, Is.False);
        Assert.That(comparison.MissingFiles, Is.EqualTo(new[] { "referrals.csv" }));
    }

    [Test]
    public void A_missing_final_newline_is_a_difference()
    {
        Write("expected/rejects.csv", "file,line,reason\n");
        Write("out/rejects.csv", "file,line,reason");

        var comparison = ExportComparer.Compare(Path.Combine(_root, "expected"), Path.Combine(_root, "out"));

        Assert.That(comparison.Differences.Select(d => d.Side), Is.EqualTo(new[] { '-', '+' }));
    }

    private void Write(string relative, string text) => File.WriteAllText(Path.Combine(_root, relative), text);
}
