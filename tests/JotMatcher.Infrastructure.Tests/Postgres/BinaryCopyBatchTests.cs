using Dapper;
using JotMatcher.Infrastructure.Postgres;
using Npgsql;
using JotMatcher.Tests.Postgres;
using NpgsqlTypes;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>
/// <see cref="BinaryCopyWriter.CopyAsync{T}(NpgsqlConnection, string, short, IEnumerable{T}, Action{BinaryCopyWriter, T}, CancellationToken)"/> (staging's path) stores exactly what Npgsql's own importer stores for the same values: seeded random rows
/// of every type staging writes (nulls, the dates Npgsql sends as infinities, non-ASCII and long text), enough of them to
/// span several sends; and a failing row leaves nothing behind.
/// </summary>
public sealed class BinaryCopyBatchTests
{
    private const string Columns = "(id, b, s, f, d, t)";

    [Test]
    public async Task Rows_copied_by_hand_equal_rows_copied_by_the_npgsql_importer()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var table in new[] { "by_hand", "by_importer" })
            {
                await connection.ExecuteAsync($"CREATE TABLE {table} (id bigint, b boolean, s smallint, f date, d date, t text)");
            }

            var rows = RandomRows(20_000);
            await BinaryCopyWriter.CopyAsync(connection, $"COPY by_hand {Columns} FROM STDIN (FORMAT BINARY)", 6, rows, static (copy, r) =>
            {
                copy.Int64(r.Id);
                copy.Boolean(r.Flag);
                copy.Int16(r.Code);
                copy.Date(r.Fixed);
                copy.NullableDate(r.Maybe);
                copy.Text(r.Text);
            }, CancellationToken.None);

            await using (var importer = await connection.BeginBinaryImportAsync($"COPY by_importer {Columns} FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var r in rows)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(r.Id, NpgsqlDbType.Bigint);
                    await importer.WriteAsync(r.Flag, NpgsqlDbType.Boolean);
                    await importer.WriteAsync(r.Code, NpgsqlDbType.Smallint);
                    await importer.WriteAsync(r.Fixed, NpgsqlDbType.Date);
                    if (r.Maybe is { } d)
                    {
                        await importer.WriteAsync(d, NpgsqlDbType.Date);
                    }
                    else
                    {
                        await importer.WriteNullAsync();
                    }

                    await importer.WriteAsync(r.Text, NpgsqlDbType.Text);
                }

                await importer.CompleteAsync();
            }

            var counts = await connection.QuerySingleAsync<(long Hand, long Importer, long Differ)>("""
                SELECT (SELECT count(*) FROM by_hand), (SELECT count(*) FROM by_importer),
                       (SELECT count(*) FROM ((TABLE by_hand EXCEPT ALL TABLE by_importer) UNION ALL (TABLE by_importer EXCEPT ALL TABLE by_hand)) x)
                """);
            Assert.That(counts, Is.EqualTo((20_000L, 20_000L, 0L)));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Test]
    public async Task A_row_that_fails_midway_leaves_nothing_and_the_connection_usable()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE t (id bigint)");

            // 40 000 rows (several sends) reach the server before the batches fail, as when the file being read fails.
            Assert.ThrowsAsync<InvalidDataException>(() => BinaryCopyWriter.CopyAsync(
                connection, "COPY t (id) FROM STDIN (FORMAT BINARY)", 1, FailingBatches(), static (copy, i) => copy.Int64(i), CancellationToken.None));

            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM t"), Is.Zero);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async IAsyncEnumerable<long[]> FailingBatches()
    {
        for (var b = 0; b < 10; b++)
        {
            await Task.Yield();
            yield return [.. Enumerable.Range(b * 4000, 4000).Select(i => (long)i)];
        }

        throw new InvalidDataException("reading failed");
    }

    private static List<Row> RandomRows(int count)
    {
        var random = new Random(20260101);
        string[] samples = ["", "O'BRIEN", "Zoë Ångström", "名前", "x", new string('é', 3000)];
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var day = random.Next(4) switch
            {
                0 => DateOnly.MinValue,
                1 => DateOnly.MaxValue,
                _ => DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber)),
            };
            DateOnly? maybe = random.Next(3) == 0 ? null : DateOnly.FromDayNumber(random.Next(700_000, 750_000));
            var text = random.Next(5) == 0 ? samples[random.Next(samples.Length)] : "T" + random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(new Row(random.NextInt64(long.MinValue, long.MaxValue), random.Next(2) == 0, (short)random.Next(short.MinValue, short.MaxValue), day, maybe, text));
        }

        return rows;
    }

    private sealed record Row(long Id, bool Flag, short Code, DateOnly Fixed, DateOnly? Maybe, string Text);
}
