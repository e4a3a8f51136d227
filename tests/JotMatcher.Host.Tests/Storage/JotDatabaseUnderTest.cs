using System.Diagnostics;
using Dapper;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Tests.Postgres;
using Npgsql;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// A database of its own on the test server, and the real <c>jot</c> program pointed at it through the environment
/// (<c>ConnectionStrings__Jot</c>, <c>Jot__PseudonymKey</c>), as an operator would configure a real server.
/// </summary>
internal sealed class JotDatabaseUnderTest : IAsyncDisposable
{
    public const string PseudonymKey = "host-tests-pseudonym-key-0123456789";

    private JotDatabaseUnderTest(string connectionString, string applicationName)
    {
        ConnectionString = connectionString;
        ApplicationName = applicationName;
    }

    public string ConnectionString { get; }

    /// <summary>The application name the jot processes of this database connect with (to find their backends).</summary>
    public string ApplicationName { get; }

    public static async Task<JotDatabaseUnderTest> CreateAsync()
    {
        var applicationName = "jot-child-" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync()) { ApplicationName = applicationName }.ConnectionString;
        return new JotDatabaseUnderTest(connectionString, applicationName);
    }

    public Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Jot"] = ConnectionString,
            ["Jot__PseudonymKey"] = PseudonymKey,
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    public Task<JotRun> JotAsync(params string[] arguments) => JotProcess.RunAsync(Environment(), arguments);

    public Process StartJot(params string[] arguments) => JotProcess.Start(Environment(), arguments);

    public async Task<T> QueryScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>
    /// A digest of every stored result (outcomes, review cases, referrals, evidence, links, months), without run ids
    /// and times, so two databases that ran differently can be compared for the same results.
    /// </summary>
    public async Task<string> ResultsDigestAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        var parts = new List<string>();
        foreach (var query in ResultQueries)
        {
            parts.Add(await connection.ExecuteScalarAsync<string>($"SELECT coalesce(md5(string_agg(r::text, '|' ORDER BY r::text COLLATE \"C\")), 'empty') || ':' || count(*) FROM ({query}) r") ?? "");
        }

        return string.Join(' ', parts);
    }

    private static readonly string[] ResultQueries =
    [
        "SELECT month, hmrc_id, claim_id, customer_id, nino_pseudonym, match_method, match_score, priority_group, base_points, sustain_points, sustain_pending, area_points, child_points, total_points, office_code, district_code, rule_set_version FROM jot.outcome",
        "SELECT month, hmrc_id, claim_id, customer_id, nino_pseudonym, reason, match_method, match_score FROM jot.review_case",
        "SELECT month, hmrc_id, claim_id, customer_id, nino_pseudonym, employment_start, claim_start, claim_end FROM jot.referral",
        "SELECT month, subject, hmrc_id, claim_id, seq, field, level, weight FROM jot.evidence",
        "SELECT month, hmrc_id, customer_id, match_method, match_score, disposition FROM jot.match_link",
        "SELECT month, as_of, hmrc_records FROM jot.month_result",
        "SELECT f.kind, f.name, f.version, f.sha256, f.rows_read, f.accepted, f.rejected FROM jot.input_file f WHERE NOT f.superseded",
        "SELECT f.name, s.line, s.claim_id FROM jot.staged_claim s JOIN jot.input_file f USING (file_id) WHERE NOT f.superseded",
        "SELECT f.name, s.line, s.hmrc_id FROM jot.staged_hmrc s JOIN jot.input_file f USING (file_id) WHERE NOT f.superseded",
    ];

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(ConnectionString);
}
