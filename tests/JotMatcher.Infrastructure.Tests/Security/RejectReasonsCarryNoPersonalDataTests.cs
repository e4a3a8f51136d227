using System.Text.RegularExpressions;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Tests.Csv;

namespace JotMatcher.Infrastructure.Tests.Security;

/// <summary>
/// SPEC §7 for the reader: a reject reason (which reaches rejects.csv, summaries and operators' screens) never
/// carries a field's value. Checked two ways: on the reasons the reader really gives for a dataset full of personal
/// data broken in every way, and on the reader's source, where every value spliced into a message must be one
/// that cannot hold input data.
/// </summary>
public sealed partial class RejectReasonsCarryNoPersonalDataTests
{
    /// <summary>
    /// The expressions the reader may splice into a reason or exception message: column names, file names, line
    /// numbers, limits, fixed texts and exception type names. Adding one here is a review that it holds no input value.
    /// </summary>
    private static readonly HashSet<string> AllowedHoles = new(StringComparer.Ordinal)
    {
        "column.Name", "mapper.IdColumn", "first.File", "first.Line", "e.LineNumber", "MaxRecordBytes / (1024 * 1024)",
        "reason", "delimiter", "failure", "datasetDirectory", "Path.GetFileName(path)", "line", "problem",
        "name",
    };

    [Test]
    public void Every_reject_of_a_dataset_full_of_personal_data_has_a_reason_from_the_grammar_and_none_of_the_data()
    {
        using var dataset = new TempDataset();
        PersonalDataDataset.Write(dataset.Root);

        var result = DatasetReader.ReadDataset(dataset.Root);

        Assert.Multiple(() =>
        {
            // The dataset does reach every kind of reject (else the check below proves little).
            Assert.That(result.Rejects.Select(r => r.Reason).Distinct(), Is.EquivalentTo(new[]
            {
                "claim_id: missing", "claim_start: unreadable date", "claim_end: before claim_start", "surname: too long",
                "malformed quoting: text after a closing quote", "malformed quoting: a quote inside an unquoted field",
                "claim_id: duplicate of a_claims.csv:2", "benefit: unreadable", "field count differs from the header",
                "claim_id: invalid UTF-8", "hmrc_id: missing", "employment_start: unreadable date",
                "malformed quoting: a quote never closed; the rest of the file was read as this one row",
                "missing required columns claim_id, customer_id, claim_start; the delimiter looks like ';', files must be comma-separated — not ingested",
                "missing required column claim_start — not ingested",
            }));
            Assert.That((result.Claims.Count, result.Employments.Count), Is.EqualTo((PersonalDataDataset.ClaimsAccepted, PersonalDataDataset.HmrcAccepted)));
            Assert.That(result.Rejects.Where(r => !RejectReasonGrammar.Allows(r.Reason)), Is.Empty);
            Assert.That(result.Rejects.SelectMany(r => PersonalData.FoundIn(r.Reason + " " + r.File)), Is.Empty);
        });
    }

    [Test]
    public void The_reader_source_splices_only_reviewed_non_personal_values_into_messages()
    {
        var reader = Path.Combine(RepositoryRoot(), "src", "JotMatcher.Infrastructure", "Csv");
        var holes = new List<(string File, string Expression)>();
        foreach (var file in Directory.GetFiles(reader, "*.cs"))
        {
            foreach (Match text in Interpolated().Matches(File.ReadAllText(file)))
            {
                foreach (Match hole in Hole().Matches(text.Value))
                {
                    holes.Add((Path.GetFileName(file), hole.Groups["expr"].Value.Trim()));
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(holes, Is.Not.Empty, "no interpolated message found: is the scan still looking at the reader?");
            Assert.That(holes.Where(h => !AllowedHoles.Contains(h.Expression)), Is.Empty,
                "a message splices a value that was not reviewed as free of personal data");
        });
    }

    /// <summary>The folder holding JotMatcher.sln, found upwards from the test's folder.</summary>
    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "JotMatcher.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("JotMatcher.sln not found above the test folder");
    }

    [GeneratedRegex(@"\$""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Interpolated();

    /// <summary>A hole of an interpolated string, without its format: <c>{e.LineNumber}</c>, <c>{x:D2}</c>.</summary>
    [GeneratedRegex(@"(?<!\{)\{(?!\{)(?<expr>[^{}:]+)(?::[^{}]*)?\}")]
    private static partial Regex Hole();
}
