namespace JotMatcher.Host.Tests;

/// <summary>Stops the throw-away PostgreSQL (if this test run started one) after the last test of
/// the assembly (storage and hardening tests both use it).</summary>
[SetUpFixture]
public sealed class TestServerSetUp
{
    [OneTimeTearDown]
    public Task StopServer() => JotMatcher.Tests.Postgres.TestPostgres.StopAsync();
}
