namespace JotMatcher.Infrastructure.Tests.Fuzz;

/// <summary>
/// An independent oracle for the fuzz tests: splits a file's bytes into records the RFC 4180 way, by hand and
/// without CsvHelper, so the reader's counts can be checked against something it did not compute itself.
/// It follows the reader's documented choices: CR, LF and CR LF each end a physical line; completely empty lines
/// (and lines of only spaces and tabs) are not records; spaces and tabs may come before an opening quote; a UTF-8 byte-order mark at the start is
/// not data; a quote inside an unquoted field or text after a closing quote makes the record malformed; a
/// quote never closed runs to the end of the file.
/// </summary>
internal sealed class PhysicalRecords
{
    private PhysicalRecords(List<Record> records, int lineCount)
    {
        Records = records;
        LineCount = lineCount;
    }

    /// <summary>Every record, the header first, in file order.</summary>
    public IReadOnlyList<Record> Records { get; }

    /// <summary>Physical lines in the file (a final line break does not start another line).</summary>
    public int LineCount { get; }

    public Record? Header => Records.Count > 0 ? Records[0] : null;

    /// <summary>The records after the header: the rows the reader must account for, one way or the other.</summary>
    public IEnumerable<Record> DataRecords => Records.Skip(1);

    public static PhysicalRecords Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var records = new List<Record>();
        var line = 1;
        var i = 0;
        while (i < bytes.Length)
        {
            // A line of nothing, or (the reader trims spaces and tabs) of nothing but spaces and tabs, is no record.
            var blank = i;
            while (blank < bytes.Length && bytes[blank] is (byte)' ' or (byte)'\t')
            {
                blank++;
            }

            if (blank == bytes.Length)
            {
                break;
            }

            if (IsLineBreak(bytes[blank]))
            {
                i = SkipLineBreak(bytes, blank);
                line++;
                continue;
            }

            var start = line;
            var fields = new List<byte[]>();
            var malformed = false;
            var field = new List<byte>();
            var ended = false;
            while (!ended)
            {
                // One field, starting at i.
                field.Clear();
                var j = i;
                while (j < bytes.Length && bytes[j] is (byte)' ' or (byte)'\t')
                {
                    j++;
                }

                if (j < bytes.Length && bytes[j] == '"')
                {
                    i = j + 1;
                    while (true)
                    {
                        if (i >= bytes.Length)
                        {
                            malformed = true; // never closed: runs to the end
                            break;
                        }

                        var b = bytes[i];
                        if (b == '"')
                        {
                            if (i + 1 < bytes.Length && bytes[i + 1] == '"')
                            {
                                field.Add((byte)'"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        if (IsLineBreak(b))
                        {
                            var next = SkipLineBreak(bytes, i);
                            for (var k = i; k < next; k++)
                            {
                                field.Add(bytes[k]);
                            }

                            i = next;
                            line++;
                            continue;
                        }

                        field.Add(b);
                        i++;
                    }

                    // After the closing quote: only whitespace may stand before the separator or line break.
                    while (i < bytes.Length && bytes[i] != ',' && !IsLineBreak(bytes[i]))
                    {
                        if (bytes[i] is not ((byte)' ' or (byte)'\t'))
                        {
                            malformed = true;
                        }

                        i++;
                    }
                }
                else
                {
                    while (i < bytes.Length && bytes[i] != ',' && !IsLineBreak(bytes[i]))
                    {
                        if (bytes[i] == '"')
                        {
                            malformed = true;
                        }

                        field.Add(bytes[i]);
                        i++;
                    }
                }

                fields.Add([.. field]);
                if (i < bytes.Length && bytes[i] == ',')
                {
                    i++;
                    continue;
                }

                ended = true;
                if (i < bytes.Length)
                {
                    i = SkipLineBreak(bytes, i);
                    line++;
                }
            }

            records.Add(new Record(start, fields, malformed));
        }

        // A final line break ends the last line rather than starting an empty one.
        var lineCount = bytes.Length > 0 && IsLineBreak(bytes[^1]) ? line - 1 : line;
        return new PhysicalRecords(records, bytes.Length == 0 ? 0 : lineCount);
    }

    private static bool IsLineBreak(byte b) => b is (byte)'\r' or (byte)'\n';

    private static int SkipLineBreak(ReadOnlySpan<byte> bytes, int i)
        => bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n' ? i + 2 : i + 1;

    /// <summary>One record: the physical line it starts on, its raw field bytes (unquoted, untrimmed) and whether its quoting is broken.</summary>
    internal sealed record Record(int StartLine, IReadOnlyList<byte[]> Fields, bool Malformed)
    {
        public int FieldCount => Fields.Count;

        /// <summary>
        /// The field as a header name: decoded (bad bytes replaced) and trimmed of any whitespace, as the reader
        /// finds columns by name (a vertical tab after a name still finds it: fuzz seed 1, case 1061703).
        /// </summary>
        public string Name(int index) => System.Text.Encoding.UTF8.GetString(Fields[index]).Trim();
    }
}
