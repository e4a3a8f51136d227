using Dapper;
using JotMatcher.Infrastructure.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>
/// The hand-written binary COPY rows against Npgsql's own importer: the same seeded random values (awkward text,
/// nulls, extreme numbers, negative zero, empty arrays, a field larger than the buffer) copied both ways into two
/// tables of the same columns must read back as the same rows, value for value.
/// </summary>
public sealed class BinaryCopyWriterTests
{
    private const string Columns = "n integer, t text, nt text, s smallint, i integer, l bigint, d double precision, b boolean, dt date, ndt date, ta text[], da double precision[]";
    private const string ColumnNames = "n, t, nt, s, i, l, d, b, dt, ndt, ta, da";

    private static readonly string[] Texts = ["", "plain", "a,b", "quote\"d", "tab\there", "new\nline", "back\\slash", "Zoë Ñúñez", "日本語", "emoji 😀", "'=1+1", "NULL", "\\N"];
    private static readonly double[] Doubles = [0.0, -0.0, 1.5, -2.25, double.MaxValue, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1 + 0.2];

    [Test]
    public async Task Rows_written_by_hand_read_back_the_same_as_rows_written_by_Npgsql()
    {
        await using var database = await StorageTestDatabase.CreateAsync(migrate: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"CREATE TABLE by_npgsql ({Columns}); CREATE TABLE by_hand ({Columns});");
        var rows = RandomRows(new Random(20261123), 5_000);

        await WriteWithNpgsqlAsync(connection, rows);
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, $"COPY by_hand ({ColumnNames}) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            foreach (var row in rows)
            {
                await WriteByHandAsync(copy, row);
            }

            await copy.CompleteAsync();
        }

        var expected = (await connection.QueryAsync<string>("SELECT row::text FROM by_npgsql row ORDER BY n")).ToList();
        var actual = (await connection.QueryAsync<string>("SELECT row::text FROM by_hand row ORDER BY n")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(actual, Has.Count.EqualTo(rows.Count));
            Assert.That(actual, Is.EqualTo(expected));
            // The values did vary (else the comparison proves little).
            Assert.That(actual.Distinct().Count(), Is.EqualTo(rows.Count));
        });
    }

    /// <summary>
    /// The synchronous row path (rows written while the buffer has room, one await to send it) against Npgsql's
    /// importer: <see cref="BinaryCopyWriter.WriteRowsAsync{T}"/> over many buffers' worth of rows, and a hand loop
    /// of <see cref="BinaryCopyWriter.HasRoom"/>, <see cref="BinaryCopyWriter.StartRow"/> and
    /// <see cref="BinaryCopyWriter.FlushAsync"/>, as the link COPY uses them; the field larger than the buffer included.
    /// </summary>
    [TestCase(false)]
    [TestCase(true)]
    public async Task Rows_written_synchronously_between_sends_read_back_the_same_as_rows_written_by_Npgsql(bool handLoop)
    {
        await using var database = await StorageTestDatabase.CreateAsync(migrate: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"CREATE TABLE by_npgsql ({Columns}); CREATE TABLE by_hand ({Columns});");
        var rows = RandomRows(new Random(handLoop ? 41 : 40), 5_000);

        await WriteWithNpgsqlAsync(connection, rows);
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, $"COPY by_hand ({ColumnNames}) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            if (handLoop)
            {
                var next = 0;
                while (next < rows.Count)
                {
                    while (next < rows.Count && copy.HasRoom)
                    {
                        copy.StartRow(12);
                        WriteFields(copy, rows[next++]);
                    }

                    await copy.FlushAsync();
                }
            }
            else
            {
                // In two calls, as the evidence COPY writes a month's lists one after another.
                await copy.WriteRowsAsync<Row>(rows.ToArray().AsMemory(0, 1_700), 12, WriteFields);
                await copy.WriteRowsAsync<Row>(rows.ToArray().AsMemory(1_700), 12, WriteFields);
            }

            Assert.That(copy.Rows, Is.EqualTo(rows.Count));
            await copy.CompleteAsync();
        }

        var expected = (await connection.QueryAsync<string>("SELECT row::text FROM by_npgsql row ORDER BY n")).ToList();
        var actual = (await connection.QueryAsync<string>("SELECT row::text FROM by_hand row ORDER BY n")).ToList();
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_copy_abandoned_before_it_completes_stores_nothing_and_leaves_the_connection_usable()
    {
        await using var database = await StorageTestDatabase.CreateAsync(migrate: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"CREATE TABLE by_hand ({Columns})");
        var rows = RandomRows(new Random(7), 3_000);

        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, $"COPY by_hand ({ColumnNames}) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            foreach (var row in rows)
            {
                await WriteByHandAsync(copy, row);
            }
        }

        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM by_hand"), Is.Zero);
    }

    // Built in code: a lone surrogate in an attribute's string is replaced with U+FFFD when the test is compiled.
    [TestCase("ascii then a lone surrogate ", 0xD800, "")]
    [TestCase("", 0xDC00, " a lone low surrogate first")]
    [TestCase("Zoë then a lone surrogate ", 0xD83D, "")]
    public async Task Text_that_is_not_valid_UTF16_is_refused_not_stored_changed(string before, int surrogate, string after)
    {
        var text = before + (char)surrogate + after;
        await using var database = await StorageTestDatabase.CreateAsync(migrate: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE by_hand (t text)");

        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, "COPY by_hand (t) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            await copy.StartRowAsync(1);
            Assert.Throws<System.Text.EncoderFallbackException>(() => copy.Text(text));
        }

        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM by_hand"), Is.Zero);
    }

    /// <summary>
    /// A field only staged goes as its UTF-8 bytes (<see cref="BinaryCopyWriter.Text(ReadOnlySpan{byte})"/>): what the
    /// server stores must be byte for byte what the same text sent as a string stores. The fixed awkward texts, padded
    /// and Unicode-spaced ones, a surrogate pair, one larger than the writer's buffer, and seeded random CSV fields.
    /// </summary>
    [Test]
    public async Task Text_sent_as_UTF8_bytes_is_stored_as_the_same_text_sent_as_a_string()
    {
        var random = new Random(20261203);
        var texts = Texts
            .Concat(["  padded\t ", "\u00a0no-break\u3000", "line\r\nbreak", "\u0141\u00df\ud83d\ude00", new string('\u00e9', 100_000)])
            .Concat(Enumerable.Range(0, 3_000).Select(_ => Csv.FieldTextTests.RandomField(random))
                .Where(b => System.Text.Unicode.Utf8.IsValid(b) && !b.Contains((byte)0)).Select(b => System.Text.Encoding.UTF8.GetString(b)))
            .ToList();
        await using var database = await StorageTestDatabase.CreateAsync(migrate: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE from_string (n integer, t text); CREATE TABLE from_bytes (n integer, t text);");

        foreach (var (table, asBytes) in new[] { ("from_string", false), ("from_bytes", true) })
        {
            await using var copy = await BinaryCopyWriter.BeginAsync(connection, $"COPY {table} (n, t) FROM STDIN (FORMAT BINARY)", CancellationToken.None);
            for (var n = 0; n < texts.Count; n++)
            {
                await copy.StartRowAsync(2);
                copy.Int32(n);
                if (asBytes)
                {
                    copy.Text(System.Text.Encoding.UTF8.GetBytes(texts[n]));
                }
                else
                {
                    copy.Text(texts[n]);
                }
            }

            await copy.CompleteAsync();
        }

        var fromString = (await connection.QueryAsync<byte[]>("SELECT convert_to(t, 'UTF8') FROM from_string ORDER BY n")).ToList();
        var fromBytes = (await connection.QueryAsync<byte[]>("SELECT convert_to(t, 'UTF8') FROM from_bytes ORDER BY n")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(texts, Has.Count.GreaterThan(2_000), "most random fields are text");
            Assert.That(fromBytes, Is.EqualTo(fromString));
            Assert.That(fromBytes, Is.EqualTo(texts.Select(t => System.Text.Encoding.UTF8.GetBytes(t))));
        });
    }

    [Test]
    public async Task A_NINo_is_stored_as_its_normalised_text_whether_packed_or_kept_as_a_string()
    {
        // Packed (valid, temporary, up to ten letters and digits) and kept as text (longer, punctuation, non-ASCII, very long).
        string[] recorded = ["AB123456C", "ab 12 34 56", "TN010190M", "Z", "0123456789", "AB123456C12", "AB12_456C", "ÅB123456C", "日本", new string('X', 300), ""];
        var ninos = recorded.Select(Core.Identity.Nino.Parse).ToList();
        await using var database = await StorageTestDatabase.CreateAsync(migrate: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("CREATE TABLE nino (n integer, t text);");
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, "COPY nino (n, t) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            for (var n = 0; n < ninos.Count; n++)
            {
                await copy.StartRowAsync(2);
                copy.Int32(n);
                copy.Text(ninos[n]);
            }

            await copy.CompleteAsync();
        }

        var stored = (await connection.QueryAsync<string>("SELECT t FROM nino ORDER BY n")).ToList();
        Assert.That(stored, Is.EqualTo(ninos.Select(n => n.Normalised)));
        Assert.That(stored[1], Is.EqualTo("AB123456"));
    }

    private static List<Row> RandomRows(Random random, int count)
    {
        var rows = new List<Row>(count);
        for (var n = 0; n < count; n++)
        {
            string Text() => Texts[random.Next(Texts.Length)] + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            double Double() => random.Next(3) == 0 ? Doubles[random.Next(Doubles.Length)] : (random.NextDouble() - 0.5) * 1e6;
            var arrayLength = random.Next(4) == 0 ? 0 : random.Next(1, 12);
            rows.Add(new Row(
                n,
                // One field larger than the writer's buffer.
                n == 1234 ? new string('x', 200_000) : Text(),
                random.Next(4) == 0 ? null : Text(),
                (short)random.Next(short.MinValue, short.MaxValue + 1),
                random.Next(int.MinValue, int.MaxValue),
                random.NextInt64(long.MinValue, long.MaxValue),
                Double(),
                random.Next(2) == 0,
                DateOnly.FromDayNumber(random.Next(new DateOnly(1900, 1, 1).DayNumber, new DateOnly(2100, 1, 1).DayNumber)),
                random.Next(3) == 0 ? null : DateOnly.FromDayNumber(random.Next(new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2030, 1, 1).DayNumber)),
                [.. Enumerable.Range(0, arrayLength).Select(_ => Text())],
                [.. Enumerable.Range(0, arrayLength).Select(_ => Double())]));
        }

        return rows;
    }

    private static async Task WriteWithNpgsqlAsync(NpgsqlConnection connection, List<Row> rows)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY by_npgsql ({ColumnNames}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(r.N, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.Text, NpgsqlDbType.Text);
            if (r.NullableText is null)
            {
                await copy.WriteNullAsync();
            }
            else
            {
                await copy.WriteAsync(r.NullableText, NpgsqlDbType.Text);
            }

            await copy.WriteAsync(r.Small, NpgsqlDbType.Smallint);
            await copy.WriteAsync(r.Int, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.Long, NpgsqlDbType.Bigint);
            await copy.WriteAsync(r.Double, NpgsqlDbType.Double);
            await copy.WriteAsync(r.Bool, NpgsqlDbType.Boolean);
            await copy.WriteAsync(r.Date, NpgsqlDbType.Date);
            if (r.NullableDate is { } date)
            {
                await copy.WriteAsync(date, NpgsqlDbType.Date);
            }
            else
            {
                await copy.WriteNullAsync();
            }

            await copy.WriteAsync(r.Texts, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(r.Doubles, NpgsqlDbType.Array | NpgsqlDbType.Double);
        }

        Assert.That(await copy.CompleteAsync(), Is.EqualTo((ulong)rows.Count));
    }

    private static async Task WriteByHandAsync(BinaryCopyWriter copy, Row r)
    {
        await copy.StartRowAsync(12);
        WriteFields(copy, r);
    }

    private static void WriteFields(BinaryCopyWriter copy, Row r)
    {
        copy.Int32(r.N);
        copy.Text(r.Text);
        copy.NullableText(r.NullableText);
        copy.Int16(r.Small);
        copy.Int32(r.Int);
        copy.Int64(r.Long);
        copy.Float8(r.Double);
        copy.Boolean(r.Bool);
        copy.Date(r.Date);
        copy.NullableDate(r.NullableDate);
        var texts = copy.StartArray(r.Texts.Length, BinaryCopyWriter.TextOid, r.Texts.Sum(BinaryCopyWriter.MaxTextElementBytes));
        foreach (var t in r.Texts)
        {
            copy.TextElement(t);
        }

        copy.EndArray(texts);
        var doubles = copy.StartArray(r.Doubles.Length, BinaryCopyWriter.Float8Oid, 12 * r.Doubles.Length);
        foreach (var d in r.Doubles)
        {
            copy.Float8Element(d);
        }

        copy.EndArray(doubles);
    }

    private sealed record Row(
        int N, string Text, string? NullableText, short Small, int Int, long Long, double Double, bool Bool, DateOnly Date, DateOnly? NullableDate,
        string[] Texts, double[] Doubles);
}
