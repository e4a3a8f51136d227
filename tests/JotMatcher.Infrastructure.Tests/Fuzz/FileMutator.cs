namespace JotMatcher.Infrastructure.Tests.Fuzz;

/// <summary>
/// Damages a file the ways real extracts get damaged, chosen by a seeded <see cref="Random"/>: bytes flipped,
/// deleted or inserted (quotes, commas, line breaks, invalid UTF-8, byte-order marks, NUL), truncation, fields and
/// lines swapped, duplicated or dropped, blank lines, over-long fields and a damaged header.
/// </summary>
internal static class FileMutator
{
    /// <summary>Byte sequences worth inserting: CSV syntax, line breaks, and UTF-8 that is invalid in each of the usual ways.</summary>
    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), "\"\""u8.ToArray(), ","u8.ToArray(), ",,"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(),
        "\r\n"u8.ToArray(), "\n\n"u8.ToArray(), ";"u8.ToArray(), " "u8.ToArray(), "\t"u8.ToArray(), "\0"u8.ToArray(),
        [0xFF], [0xFE], [0xC3], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        [0xEF, 0xBB, 0xBF], "\",\""u8.ToArray(), "=cmd|' /C calc'!A0"u8.ToArray(), "2007-02-30"u8.ToArray(),
    ];

    public static byte[] Mutate(Random random, byte[] valid, List<string> applied)
    {
        var bytes = new List<byte>(valid);
        var count = 1 + random.Next(4);
        for (var m = 0; m < count; m++)
        {
            var kind = random.Next(15);
            applied.Add(Apply(random, bytes, kind));
        }

        return [.. bytes];
    }

    private static string Apply(Random random, List<byte> bytes, int kind)
    {
        switch (kind)
        {
            case 0 when bytes.Count > 0:
            {
                var at = random.Next(bytes.Count);
                bytes[at] = (byte)random.Next(256);
                return $"flip byte {at}";
            }

            case 1 when bytes.Count > 0:
            {
                var at = random.Next(bytes.Count);
                bytes[at] ^= (byte)(1 << random.Next(8));
                return $"flip bit at {at}";
            }

            case 2 when bytes.Count > 0:
            {
                var at = random.Next(bytes.Count);
                var length = Math.Min(1 + random.Next(16), bytes.Count - at);
                bytes.RemoveRange(at, length);
                return $"delete {length} at {at}";
            }

            case 3 or 4:
            {
                var at = random.Next(bytes.Count + 1);
                var token = Tokens[random.Next(Tokens.Length)];
                bytes.InsertRange(at, token);
                return $"insert {Convert.ToHexString(token)} at {at}";
            }

            case 5 when bytes.Count > 0:
            {
                var at = random.Next(bytes.Count);
                bytes.RemoveRange(at, bytes.Count - at);
                return $"truncate at {at}";
            }

            case 6:
                return SwapFields(random, bytes);
            case 7:
                return DamageHeader(random, bytes);
            case 8:
                return EditLines(random, bytes, "duplicate line", static (lines, i, _) => lines.Insert(i, lines[i]));
            case 9:
                return EditLines(random, bytes, "delete line", static (lines, i, _) => lines.RemoveAt(i));
            case 10:
                return EditLines(random, bytes, "swap lines", static (lines, i, r) =>
                {
                    var j = r.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                });
            case 11:
                return EditLines(random, bytes, "blank line", static (lines, i, r) => lines.Insert(i, r.Next(2) == 0 ? [] : " \t "u8.ToArray()));
            case 12:
            {
                var at = random.Next(bytes.Count + 1);
                var length = random.Next(2) == 0 ? 5000 : 70_000;
                bytes.InsertRange(at, Enumerable.Repeat((byte)'x', length));
                return $"insert {length} x at {at}";
            }

            case 14:
            {
                // Another encoding's byte-order mark in front: UTF-16 LE/BE, UTF-32 LE/BE.
                byte[][] marks = [[0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]];
                var mark = marks[random.Next(marks.Length)];
                bytes.InsertRange(0, mark);
                return $"insert {Convert.ToHexString(mark)} at 0";
            }

            default:
            {
                var at = random.Next(bytes.Count + 1);
                bytes.Insert(at, (byte)'"');
                return $"insert quote at {at}";
            }
        }
    }

    /// <summary>Swaps two comma-separated pieces of one line: a column shuffle in the data, or in the header.</summary>
    private static string SwapFields(Random random, List<byte> bytes)
        => EditLines(random, bytes, "swap fields", static (lines, i, r) =>
        {
            var parts = Split(lines[i], (byte)',');
            if (parts.Count < 2)
            {
                return;
            }

            var a = r.Next(parts.Count);
            var b = r.Next(parts.Count);
            (parts[a], parts[b]) = (parts[b], parts[a]);
            lines[i] = Join(parts, (byte)',');
        });

    private static string DamageHeader(Random random, List<byte> bytes)
    {
        var lines = Split([.. bytes], (byte)'\n');
        var header = Split(lines[0], (byte)',');
        var choice = random.Next(5);
        var at = random.Next(header.Count);
        switch (choice)
        {
            case 0:
                header.RemoveAt(at);
                break;
            case 1:
                header[at] = [.. header[at].Select(b => b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b)];
                break;
            case 2:
                header.Insert(at, header[random.Next(header.Count)]);
                break;
            case 3:
                header[at] = header[at].Length > 1 ? header[at][..^1] : header[at];
                break;
            default:
                lines.RemoveAt(0);
                break;
        }

        if (choice != 4)
        {
            lines[0] = Join(header, (byte)',');
        }

        bytes.Clear();
        bytes.AddRange(Join(lines, (byte)'\n'));
        return $"header damage {choice} at {at}";
    }

    private static string EditLines(Random random, List<byte> bytes, string name, Action<List<byte[]>, int, Random> edit)
    {
        var lines = Split([.. bytes], (byte)'\n');
        var at = random.Next(lines.Count);
        edit(lines, at, random);
        bytes.Clear();
        bytes.AddRange(Join(lines, (byte)'\n'));
        return $"{name} {at}";
    }

    private static List<byte[]> Split(byte[] bytes, byte separator)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == separator)
            {
                parts.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return parts;
    }

    private static byte[] Join(List<byte[]> parts, byte separator)
    {
        var joined = new List<byte>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                joined.Add(separator);
            }

            joined.AddRange(parts[i]);
        }

        return [.. joined];
    }
}
