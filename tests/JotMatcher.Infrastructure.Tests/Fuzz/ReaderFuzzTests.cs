using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Tests.Csv;
using JotMatcher.Infrastructure.Tests.Security;

namespace JotMatcher.Infrastructure.Tests.Fuzz;

/// <summary>
/// Issue 7's fuzzing: valid claims and HMRC files damaged at random (<see cref="FileMutator"/>), read as a dataset
/// beside an undamaged claims file, and held to the reader's promises: no exception; per file
/// read = accepted + rejected; every physical record (as <see cref="PhysicalRecords"/> splits the bytes,
/// independently of CsvHelper) accepted or rejected on its own start line, none lost and none twice; a record with
/// broken quoting or the wrong number of fields never accepted; a file quarantined exactly when its header is
/// unusable; every reason inside <see cref="RejectReasonGrammar"/>; every accepted value storable as PostgreSQL text
/// (no NUL, no byte that was not UTF-8); the undamaged file always read in full.
/// Seeded: <c>JOT_FUZZ_CASES</c> (default <see cref="DefaultCases"/>) and <c>JOT_FUZZ_SEED</c> run more or other cases;
/// a failure names the case's seed, its mutations and its bytes; <c>JOT_FUZZ_FAILURES=FILE</c> writes every failing case there.
/// </summary>
public sealed class ReaderFuzzTests
{
    /// <summary>Enough to meet every mutation many times over while keeping the suite well under a minute on 2 cores.</summary>
    private const int DefaultCases = 3000;

    private const int DefaultSeed = 20070401;

    private static readonly string[] ClaimsRequired = ["claim_id", "customer_id", "claim_start"];
    private static readonly string[] HmrcRequired = ["hmrc_id", "employment_start"];

    [Test]
    public void Damaged_files_never_crash_the_reader_and_every_physical_record_is_accepted_or_rejected()
    {
        var cases = Setting("JOT_FUZZ_CASES", DefaultCases);
        var seed = Setting("JOT_FUZZ_SEED", DefaultSeed);
        var tally = new FuzzTally();
        var failures = new List<string>();
        using var dataset = new TempDataset();
        for (var i = 0; i < cases; i++)
        {
            if (RunCase(dataset, unchecked((seed * 1_000_003) + i), tally) is { } failure)
            {
                failures.Add(failure);
            }
        }

        TestContext.Out.WriteLine(tally.Describe(cases, seed));
        if (Environment.GetEnvironmentVariable("JOT_FUZZ_FAILURES") is { Length: > 0 } failuresFile)
        {
            File.WriteAllText(failuresFile, string.Join("\n\n", failures));
        }

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, $"{failures.Count} of {cases} cases failed; the first:\n{string.Join("\n\n", failures.Take(3))}");
            Assert.That(tally.Inputs, Is.EqualTo(3L * cases));
            Assert.That(tally.RowsLost, Is.Zero);
            // The mutations must actually reach the interesting paths, or the property proves little.
            Assert.That(tally.Quarantined, Is.GreaterThan(cases / 100));
            Assert.That(tally.Rejected, Is.GreaterThan(cases / 10));
            Assert.That(tally.Accepted, Is.GreaterThan(cases));
        });
    }

    [Test]
    public void Undamaged_generated_files_are_read_in_full_without_rejects_or_warnings()
    {
        using var dataset = new TempDataset();
        for (var i = 0; i < 200; i++)
        {
            var random = new Random(i);
            var claims = ValidInputFile.Claims(random, "C", 1 + random.Next(20));
            var hmrc = ValidInputFile.Hmrc(random, "H", 1 + random.Next(20));
            dataset.Write("claims", "a.csv", claims);
            dataset.Write("hmrc", "h.csv", hmrc);

            var result = DatasetReader.ReadDataset(dataset.Root);

            var expectedClaims = PhysicalRecords.Parse(claims).DataRecords.Count();
            var expectedHmrc = PhysicalRecords.Parse(hmrc).DataRecords.Count();
            Assert.That(
                (result.Claims.Count, result.Employments.Count, result.Rejects.Count, result.FileCounts.Sum(c => c.Warnings)),
                Is.EqualTo((expectedClaims, expectedHmrc, 0, 0L)),
                $"generated case {i}:\n{Show(claims)}\n{Show(hmrc)}");
        }
    }

    /// <summary>Runs one case; null when every promise held, else what broke and how to reproduce it.</summary>
    /// <summary>
    /// The text each HMRC file's accepted rows take to staging without keeping (the employer reference), decoded
    /// leniently so that bytes which are not text show as replacement characters.
    /// </summary>
    private static IEnumerable<string?> StagedOnlyTexts(string datasetRoot)
    {
        var texts = new List<string?>();
        foreach (var path in Directory.GetFiles(Path.Combine(datasetRoot, "hmrc"), "*.csv"))
        {
            var accepted = new AcceptedRecords<HmrcEmployment>();
            DatasetReader.ReadHmrcFile(path, new IdRegistry(), accepted);
            texts.AddRange(accepted.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable()
                .SelectMany(b => b.Records.ToArray().Select(s => (string?)Encoding.UTF8.GetString(b.StagedOnly(s)))));
        }

        return texts;
    }

    private static string? RunCase(TempDataset dataset, int caseSeed, FuzzTally tally)
    {
        var random = new Random(caseSeed);
        var mutations = new List<string>();
        var claims = FileMutator.Mutate(random, ValidInputFile.Claims(random, "C", 1 + random.Next(25)), mutations);
        var hmrcMutations = new List<string>();
        var hmrc = FileMutator.Mutate(random, ValidInputFile.Hmrc(random, "H", 1 + random.Next(25)), hmrcMutations);
        var good = ValidInputFile.Claims(random, "GOOD", 1 + random.Next(5));
        dataset.Write("claims", "a.csv", claims);
        dataset.Write("claims", "z_good.csv", good);
        dataset.Write("hmrc", "h.csv", hmrc);

        string Context() => $"case seed {caseSeed}; claims mutations [{string.Join("; ", mutations)}]; hmrc mutations [{string.Join("; ", hmrcMutations)}]"
            + $"\na.csv:\n{Show(claims)}\nh.csv:\n{Show(hmrc)}\nz_good.csv:\n{Show(good)}";

        IngestedDataset result;
        try
        {
            result = DatasetReader.ReadDataset(dataset.Root);
        }
        catch (Exception e)
        {
            tally.Exceptions++;
            return $"unhandled {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n{Context()}";
        }

        var problems = new List<string>();
        CheckFile(claims, result.ClaimFiles[0].Records.Select(r => r.Source.Line), result.ClaimFiles[0].Rejects, result.ClaimFiles[0].Counts, ClaimsRequired, problems, tally);
        CheckFile(good, result.ClaimFiles[1].Records.Select(r => r.Source.Line), result.ClaimFiles[1].Rejects, result.ClaimFiles[1].Counts, ClaimsRequired, problems, tally);
        CheckFile(hmrc, result.HmrcFiles[0].Records.Select(r => r.Source.Line), result.HmrcFiles[0].Rejects, result.HmrcFiles[0].Counts, HmrcRequired, problems, tally);
        if (result.ClaimFiles[1].Rejects.Count > 0 || result.ClaimFiles[1].Counts.Warnings > 0)
        {
            problems.Add("z_good.csv: the undamaged file lost rows or gained warnings");
        }

        // Every accepted text value must be storable as PostgreSQL text: valid UTF-16 from valid UTF-8, and no NUL.
        var texts = result.Claims.SelectMany(c => new[] { c.ClaimId.ToString(), c.CustomerId.ToString(), c.Surname, c.Forenames, c.Postcode, c.OfficeCode, c.DistrictCode, c.AreaCode, c.Nino.Normalised })
            .Concat(result.Employments.SelectMany(e => new[] { e.HmrcId.ToString(), e.Surname, e.Forenames, e.Postcode, e.Nino.Normalised }))
            .Concat(StagedOnlyTexts(dataset.Root));
        if (texts.Any(t => t is not null && (t.Contains('\0', StringComparison.Ordinal) || t.Contains('\uFFFD', StringComparison.Ordinal))))
        {
            problems.Add("an accepted value holds a NUL or a replacement character (bytes that were not text)");
        }

        var claimIds = result.Claims.Select(c => c.ClaimId).ToList();
        var hmrcIds = result.Employments.Select(e => e.HmrcId).ToList();
        if (claimIds.Distinct().Count() != claimIds.Count || hmrcIds.Distinct().Count() != hmrcIds.Count)
        {
            problems.Add("an id was accepted twice");
        }

        return problems.Count > 0 ? string.Join("\n", problems) + "\n" + Context() : null;
    }

    private static void CheckFile(byte[] bytes, IEnumerable<long> acceptedLines, IReadOnlyList<Reject> rejects, FileIngestCounts counts, string[] required, List<string> problems, FuzzTally tally)
    {
        tally.Inputs++;
        var name = counts.File;
        var oracle = PhysicalRecords.Parse(bytes);
        var accepted = acceptedLines.ToList();
        var rowsInFile = oracle.DataRecords.Count();

        foreach (var reject in rejects)
        {
            if (!RejectReasonGrammar.Allows(reject.Reason))
            {
                problems.Add($"{name}: reason outside the grammar: {reject.Reason}");
            }
        }

        if (counts.Sha256 != Convert.ToHexStringLower(SHA256.HashData(bytes)))
        {
            problems.Add($"{name}: SHA-256 is not of the whole file");
        }

        if (!counts.Reconciles || counts.Accepted != accepted.Count)
        {
            problems.Add($"{name}: counts do not reconcile: {counts}");
        }

        var quarantined = rejects.Any(r => r.Line == 0);
        var expectQuarantine = ExpectQuarantine(bytes, oracle, required);
        if (quarantined != expectQuarantine)
        {
            problems.Add($"{name}: quarantined {quarantined}, expected {expectQuarantine}: {string.Join(" | ", rejects.Select(r => $"{r.Line}: {r.Reason}"))}");
        }

        if (quarantined)
        {
            tally.Quarantined++;
            tally.QuarantinedRows += rowsInFile;
            if (rejects.Count != 1 || accepted.Count != 0 || counts.RowsRead != 0)
            {
                problems.Add($"{name}: quarantined but half-ingested: {counts}");
            }

            return;
        }

        if (counts.Rejected != rejects.Count)
        {
            problems.Add($"{name}: {counts.Rejected} rejected counted, {rejects.Count} rejects listed");
        }

        tally.Accepted += accepted.Count;
        tally.Rejected += rejects.Count;
        var seen = accepted.Concat(rejects.Select(r => r.Line)).Order().ToList();
        var expected = oracle.DataRecords.Select(r => (long)r.StartLine).ToList();
        if (!seen.SequenceEqual(expected))
        {
            var lost = expected.Except(seen).ToList();
            tally.RowsLost += lost.Count;
            problems.Add($"{name}: records start on lines [{string.Join(",", expected)}] but the reader accounted for [{string.Join(",", seen)}]");
        }

        var headerFields = oracle.Header!.FieldCount;
        var acceptedSet = accepted.ToHashSet();
        foreach (var record in oracle.DataRecords.Where(r => r.Malformed || r.FieldCount != headerFields))
        {
            if (acceptedSet.Contains(record.StartLine))
            {
                problems.Add($"{name}: line {record.StartLine} has broken quoting or {record.FieldCount} fields (header {headerFields}) yet was accepted");
            }
        }
    }

    private static bool ExpectQuarantine(byte[] bytes, PhysicalRecords oracle, string[] required)
    {
        // CsvHelper honours a UTF-16 or UTF-32 byte-order mark and transcodes: UTF-8 bytes behind one read as
        // garbage, so no required column can be found.
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return true;
        }

        if (oracle.Header is not { } header || header.Malformed)
        {
            return true;
        }

        var names = Enumerable.Range(0, header.FieldCount).Select(header.Name).ToList();
        return !required.All(c => names.Contains(c, StringComparer.OrdinalIgnoreCase));
    }

    private static int Setting(string variable, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>The bytes as a C#-style literal, cut short, so a failing case can be pasted into a regression test.</summary>
    private static string Show(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(3000))
        {
            text.Append(b switch
            {
                (byte)'\n' => "\\n\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }

        return bytes.Length > 3000 ? text + $"... ({bytes.Length} bytes)" : text.ToString();
    }

    /// <summary>What the fuzz run tried and found, for the log and the issue's report.</summary>
    private sealed class FuzzTally
    {
        public long Inputs { get; set; }
        public long Accepted { get; set; }
        public long Rejected { get; set; }
        public long Quarantined { get; set; }
        public long QuarantinedRows { get; set; }
        public long RowsLost { get; set; }
        public long Exceptions { get; set; }

        public string Describe(int cases, int seed) => string.Create(CultureInfo.InvariantCulture,
            $"fuzz: seed {seed}, {cases} cases, {Inputs} input files; rows accepted {Accepted}, rejected {Rejected}; files quarantined {Quarantined} (holding {QuarantinedRows} rows); rows lost {RowsLost}; unhandled exceptions {Exceptions}");
    }
}
