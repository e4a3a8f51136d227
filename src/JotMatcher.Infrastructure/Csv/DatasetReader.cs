using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>Reads SPEC §2 input files with CsvHelper, streaming, into records, rejects and counts.</summary>
public static class DatasetReader
{
    /// <summary>
    /// Reads <c>claims/*.csv</c> and <c>hmrc/*.csv</c> in ordinal file-name order (so duplicates are resolved the
    /// same way every time: the later occurrence is rejected), then <c>reference/</c> and <c>manifest.json</c>.
    /// A missing <c>claims/</c> or <c>hmrc/</c> folder reads as no files.
    /// </summary>
    public static IngestedDataset ReadDataset(string datasetDirectory)
    {
        if (!Directory.Exists(datasetDirectory))
        {
            throw new DirectoryNotFoundException($"dataset directory not found: {datasetDirectory}");
        }

        var postcodes = new SharedStringPool();
        var claimIds = new IdRegistry();
        var claimFiles = new List<IngestedFile<ClaimSpell>>();
        var claimPaths = CsvFiles(Path.Combine(datasetDirectory, "claims"));
        var claimsAfter = BytesAfter(claimPaths);
        for (var i = 0; i < claimPaths.Length; i++)
        {
            claimFiles.Add(ReadClaimsFile(claimPaths[i], claimIds, laterBytes: claimsAfter[i], postcodes: postcodes));
        }

        var hmrcIds = new IdRegistry();
        var hmrcFiles = new List<IngestedFile<HmrcEmployment>>();
        var hmrcPaths = CsvFiles(Path.Combine(datasetDirectory, "hmrc"));
        var hmrcAfter = BytesAfter(hmrcPaths);
        for (var i = 0; i < hmrcPaths.Length; i++)
        {
            hmrcFiles.Add(ReadHmrcFile(hmrcPaths[i], hmrcIds, laterBytes: hmrcAfter[i], postcodes: postcodes));
        }

        return new IngestedDataset(claimFiles, hmrcFiles, ReadReference(datasetDirectory), ReadManifest(datasetDirectory));
    }

    public static IngestedFile<ClaimSpell> ReadClaimsFile(string path) => ReadClaimsFile(path, new IdRegistry());

    public static IngestedFile<HmrcEmployment> ReadHmrcFile(string path) => ReadHmrcFile(path, new IdRegistry());

    /// <summary>Reads <c>reference/</c> under the dataset; missing files give empty reference data.</summary>
    public static ReferenceData ReadReference(string datasetDirectory) => ReferenceReader.Read(Path.Combine(datasetDirectory, "reference"));

    /// <summary>Reads <c>manifest.json</c> under the dataset; a missing file gives <see cref="DatasetManifest.Empty"/>.</summary>
    public static DatasetManifest ReadManifest(string datasetDirectory)
    {
        var path = Path.Combine(datasetDirectory, "manifest.json");
        return File.Exists(path) ? DatasetManifest.Parse(File.ReadAllText(path)) : DatasetManifest.Empty;
    }

    /// <summary>
    /// Reads a claims file against <paramref name="ids"/>, handing each accepted record to <paramref name="accepted"/> as
    /// it goes; <paramref name="laterBytes"/>: the size of the files to be read against <paramref name="ids"/> after it;
    /// <paramref name="postcodes"/>: the postcodes of the run's other files.
    /// </summary>
    internal static IngestedFile<ClaimSpell> ReadClaimsFile(
        string path, IdRegistry ids, AcceptedRecords<ClaimSpell>? accepted = null, long laterBytes = 0, SharedStringPool? postcodes = null)
        => InputFileReader.Read(path, InputKind.Claims, ClaimRecordMapper.RequiredColumns, csv => new ClaimRecordMapper(csv, postcodes), ids, accepted, laterBytes);

    /// <summary>
    /// Reads an HMRC file against <paramref name="ids"/>, handing each accepted record to <paramref name="accepted"/> as
    /// it goes; <paramref name="laterBytes"/>: the size of the files to be read against <paramref name="ids"/> after it;
    /// <paramref name="postcodes"/>: the postcodes of the run's other files.
    /// </summary>
    internal static IngestedFile<HmrcEmployment> ReadHmrcFile(
        string path, IdRegistry ids, AcceptedRecords<HmrcEmployment>? accepted = null, long laterBytes = 0, SharedStringPool? postcodes = null)
        => InputFileReader.Read(path, InputKind.Hmrc, HmrcRecordMapper.RequiredColumns, csv => new HmrcRecordMapper(csv, postcodes), ids, accepted, laterBytes);

    /// <summary>
    /// For each of <paramref name="paths"/>, read in this order, the bytes of the files after it: room the id registry
    /// makes ahead (a file that cannot be sized now counts as empty; it is only capacity).
    /// </summary>
    internal static long[] BytesAfter(IReadOnlyList<string> paths)
    {
        var after = new long[paths.Count];
        for (var i = paths.Count - 2; i >= 0; i--)
        {
            after[i] = after[i + 1] + SizeOf(paths[i + 1]);
        }

        return after;
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string[] CsvFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var files = Directory.GetFiles(directory, "*.csv");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
