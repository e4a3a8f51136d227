using CsvHelper;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// Reads one input file with CsvHelper, streaming record by record, hashing the bytes as they pass.
/// Every record ends up accepted or rejected with its physical line; a file that cannot be read as a whole
/// (empty, no header, a required column missing, a record too large to buffer) is quarantined: one reject on
/// line 0 with the reason, and none of its rows counted or kept.
/// </summary>
internal static class InputFileReader
{
    /// <summary>
    /// A record larger than this is taken as a runaway quote in a large file and quarantines it, rather than
    /// buffering gigabytes (a quote never closed in a small file is rejected as one row instead).
    /// </summary>
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>The records after which the file's row count is estimated from the bytes they took.</summary>
    private const int SizingSample = 2048;

    public static IngestedFile<T> Read<T>(
        string path,
        InputKind kind,
        IReadOnlyList<string> requiredColumns,
        Func<CsvReader, IRecordMapper<T>> bind,
        IdRegistry ids,
        AcceptedRecords<T>? accepted = null,
        long laterBytes = 0)
        where T : class
    {
        try
        {
            var file = ReadFile(path, kind, requiredColumns, bind, ids, accepted, laterBytes);
            if (IsQuarantined(file))
            {
                accepted?.Abandon();
            }
            else
            {
                accepted?.Complete();
            }

            return file;
        }
        catch (Exception e)
        {
            accepted?.Abandon(e);
            throw;
        }
    }

    private static IngestedFile<T> ReadFile<T>(
        string path,
        InputKind kind,
        IReadOnlyList<string> requiredColumns,
        Func<CsvReader, IRecordMapper<T>> bind,
        IdRegistry ids,
        AcceptedRecords<T>? accepted,
        long laterBytes)
        where T : class
    {
        var name = Path.GetFileName(path);
        if (Open(path, out var failure) is not { } file)
        {
            return Quarantine<T>(name, kind, "", $"could not be opened ({failure}); it may still be being written — not ingested");
        }

        using var stream = new HashingReadStream(file);
        if (stream.Length == 0)
        {
            return Quarantine<T>(name, kind, stream.FinishHex(), "empty file (0 bytes); it may still be being written — not ingested");
        }

        var records = new List<T>();
        var rejects = new List<Reject>();
        long warnings = 0;
        string? headerProblem = null;

        // CsvHelper skips a malformed record it meets while looking for the header and takes the next good one as
        // the header, so a data row could silently become the header. Anything malformed before the header has
        // been read is the header's problem, wherever it starts (blank lines may come first).
        var readingHeader = true;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = true,
            // Off: the mappers make each kept string from the field's bytes themselves, pooling only the columns
            // whose values repeat (ColumnStringPool); nothing here calls GetString.
            PoolStrings = false,
            IncludeValuesInExceptions = false,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed =>
            {
                if (readingHeader)
                {
                    headerProblem ??= "header: " + MalformedReason(malformed.Reason);
                }
                else
                {
                    rejects.Add(new Reject(name, malformed.LineNumber, MalformedReason(malformed.Reason)));
                }
            },
        };

        IRecordMapper<T>? mapper = null;
        var idsMark = ids.Mark();
        try
        {
            using var csv = CsvReader.Create(stream, options, leaveOpen: true);
            var headers = csv.Headers;
            readingHeader = false;
            var problem = headerProblem ?? HeaderProblem(headers, requiredColumns);
            if (problem is not null)
            {
                return Quarantine<T>(name, kind, stream.FinishHex(), problem);
            }

            mapper = bind(csv);
            var row = new RowFields(csv);
            var sized = false;
            while (csv.Read())
            {
                if (!sized && csv.RowNumber == SizingSample)
                {
                    Presize(csv.ByteOffset, stream.Length, laterBytes, records, ids);
                    sized = true;
                }

                var source = new SourceLocation(name, csv.LineNumber);
                row.BeginRecord();
                var record = mapper.Map(row, source);
                if (record is null)
                {
                    rejects.Add(new Reject(name, source.Line, row.RejectReason!));
                }
                else if (!ids.TryAdd(mapper.IdOf(record), source, out var first))
                {
                    rejects.Add(new Reject(name, source.Line, $"{mapper.IdColumn}: duplicate of {first.File}:{first.Line}"));
                }
                else
                {
                    records.Add(record);
                    var stagedOnly = mapper.StagedOnly(row);
                    accepted?.Add(record, stagedOnly);
                    warnings += row.Warnings;
                }
            }
        }
        catch (CsvFormatException e)
        {
            // Only a record over MaxRecordBytes gets here (quoting problems are skipped and reported above).
            // The mapper is null when the header itself was the record too large: then no record was read either.
            ids.RollBack(idsMark, mapper is null ? [] : records.Select(mapper.IdOf));

            return Quarantine<T>(name, kind, stream.FinishHex(), $"a record starting near line {e.LineNumber} is over {MaxRecordBytes / (1024 * 1024)} MB (a quote never closed?) — not ingested");
        }

        rejects.Sort(static (a, b) => a.Line.CompareTo(b.Line));
        var counts = new FileIngestCounts(name, kind, stream.FinishHex(), records.Count + rejects.Count, records.Count, rejects.Count, warnings);
        return new IngestedFile<T>(records, rejects, counts);
    }

    /// <summary>
    /// Makes room for the rows the rest of the file probably holds, estimated from the bytes the first ones took, so a
    /// million-row file does not grow the record list and the id registry a dozen times over (copying and rehashing
    /// everything read so far each time, and leaving the old arrays as garbage). The registry, shared by the kind's
    /// files, also makes room for the rows of the <paramref name="laterBytes"/> still to be read after this file: else
    /// the next file, however small, copies every id read so far into arrays sized for both (16 MB left as garbage
    /// after a million-row file). Only capacity: an estimate off either way changes no result.
    /// </summary>
    private static void Presize<T>(long bytesSoFar, long fileBytes, long laterBytes, List<T> records, IdRegistry ids)
    {
        if (bytesSoFar <= 0)
        {
            return;
        }

        var rowsPerByte = SizingSample * 1.02 / bytesSoFar;
        if (fileBytes > bytesSoFar)
        {
            records.EnsureCapacity(Capacity(fileBytes * rowsPerByte));
        }

        ids.EnsureCapacity(Capacity((Math.Max(fileBytes, bytesSoFar) + laterBytes) * rowsPerByte));
    }

    private static int Capacity(double rows) => (int)Math.Min(rows, Array.MaxLength / 2);

    /// <summary>
    /// The file, or null with the exception's type (never its message, which names the full path) when it cannot
    /// be opened: locked by the program still writing it, moved away after the folder was listed, or unreadable.
    /// Such a file is quarantined rather than stopping the whole run.
    /// </summary>
    private static FileStream? Open(string path, out string failure)
    {
        failure = "";
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = e.GetType().Name;
            return null;
        }
    }

    /// <summary>A file refused whole: its one reject is on line 0 (a row's reject never is: the header is line 1).</summary>
    public static bool IsQuarantined<T>(IngestedFile<T> file) => file.Rejects is [{ Line: 0 }];

    private static IngestedFile<T> Quarantine<T>(string name, InputKind kind, string sha256, string reason)
        => new([], [new Reject(name, 0, reason)], new FileIngestCounts(name, kind, sha256, 0, 0, 0, 0));

    private static string? HeaderProblem(IReadOnlyList<string> headers, IReadOnlyList<string> required)
    {
        if (headers.Count == 0)
        {
            return "no header row — not ingested";
        }

        var missing = new List<string>();
        foreach (var column in required)
        {
            if (!HasColumn(headers, column))
            {
                missing.Add(column);
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var reason = (missing.Count == 1 ? "missing required column " : "missing required columns ") + string.Join(", ", missing);
        var delimiter = headers.Count == 1 ? LikelyDelimiter(headers[0]) : null;
        return delimiter is null
            ? reason + " — not ingested"
            : $"{reason}; the delimiter looks like '{delimiter}', files must be comma-separated — not ingested";
    }

    private static bool HasColumn(IReadOnlyList<string> headers, string column)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Trim(), column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? LikelyDelimiter(string onlyHeader)
    {
        foreach (var (c, shown) in (ReadOnlySpan<(char, string)>)[(';', ";"), ('\t', "\\t"), ('|', "|")])
        {
            if (onlyHeader.Contains(c, StringComparison.Ordinal))
            {
                return shown;
            }
        }

        return null;
    }

    private static string MalformedReason(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "malformed quoting: a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "malformed quoting: text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "malformed quoting: a quote never closed; the rest of the file was read as this one row",
        CsvMalformedReason.FieldCountMismatch => "field count differs from the header",
        _ => "malformed record",
    };
}
