using CsvHelper;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// Opens the small files the program reads whole and trusts to be well formed — reference data, truth files, its own
/// exports: comma-separated, fields trimmed, line numbers kept for messages, malformed quoting an error rather than a
/// reject (unlike the inputs, which <see cref="InputFileReader"/> reads row by row). Values never reach an exception
/// message, since some of these files hold personal data.
/// </summary>
internal static class StrictCsvFile
{
    public static CsvReader Open(string path) => CsvReader.FromFile(path, new CsvReaderOptions
    {
        Separator = ',',
        TrackLineNumbers = true,
        TrimWhitespace = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        IncludeValuesInExceptions = false,
    });
}
