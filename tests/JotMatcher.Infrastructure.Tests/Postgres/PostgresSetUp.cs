namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>Stops the throw-away PostgreSQL (if this test run started one) after the last storage test.</summary>
[SetUpFixture]
public sealed class PostgresSetUp
{
    [OneTimeTearDown]
    public Task StopServer() => JotMatcher.Tests.Postgres.TestPostgres.StopAsync();
}
