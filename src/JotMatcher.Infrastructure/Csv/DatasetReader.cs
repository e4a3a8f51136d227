using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>Reads SPEC §2 input files with CsvHelper, streaming, into records, rejects and counts.</summary>
public static class DatasetReader
{
    // STUB: implemented by the ingest work (issue 3).
    public static IngestedDataset ReadDataset(string datasetDirectory) => throw new NotImplementedException();

    public static IngestedFile<ClaimSpell> ReadClaimsFile(string path) => throw new NotImplementedException();

    public static IngestedFile<HmrcEmployment> ReadHmrcFile(string path) => throw new NotImplementedException();

    /// <summary>Reads <c>reference/</c> under the dataset; missing files give empty reference data.</summary>
    public static ReferenceData ReadReference(string datasetDirectory) => throw new NotImplementedException();

    /// <summary>Reads <c>manifest.json</c> under the dataset; a missing file gives <see cref="DatasetManifest.Empty"/>.</summary>
    public static DatasetManifest ReadManifest(string datasetDirectory) => throw new NotImplementedException();
}
