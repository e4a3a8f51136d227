using Dapper;
using JotMatcher.Core.Records;
using Npgsql;
using NpgsqlTypes;

namespace JotMatcher.Infrastructure.Postgres.Staging;

/// <summary>The stored reference data (deprived areas, points profile): replaced whole, read whole.</summary>
internal static class ReferenceTables
{
    public static async Task ReplaceAsync(NpgsqlConnection connection, ReferenceData reference, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM jot.deprived_area; DELETE FROM jot.profile;", cancellationToken: cancellationToken));

        var areas = reference.DeprivedAreas.Order(StringComparer.Ordinal).ToArray();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY jot.deprived_area (area_code) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var area in areas)
            {
                copy.StartRow();
                copy.Write(area, NpgsqlDbType.Text);
            }

            await StagedRowsWriter.CompleteAsync(copy, areas.Length, "deprived_area", cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY jot.profile (district_code, month, points) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var p in reference.Profile)
            {
                copy.StartRow();
                copy.Write(p.DistrictCode, NpgsqlDbType.Text);
                copy.Write(p.Month, NpgsqlDbType.Text);
                copy.Write(p.Points, NpgsqlDbType.Integer);
            }

            await StagedRowsWriter.CompleteAsync(copy, reference.Profile.Count, "profile", cancellationToken);
        }
    }

    public static async Task<ReferenceData> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var areas = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT area_code FROM jot.deprived_area", cancellationToken: cancellationToken));
        var profile = await connection.QueryAsync<(string District, string Month, int Points)>(new CommandDefinition(
            "SELECT district_code, month, points FROM jot.profile ORDER BY district_code COLLATE \"C\", month", cancellationToken: cancellationToken));
        return new ReferenceData(
            new HashSet<string>(areas, StringComparer.Ordinal),
            [.. profile.Select(p => new ProfileEntry(p.District, p.Month, p.Points))]);
    }
}
