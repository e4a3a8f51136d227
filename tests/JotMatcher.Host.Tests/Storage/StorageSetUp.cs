namespace JotMatcher.Host.Tests.Storage;

/// <summary>Stops the throw-away PostgreSQL (if this test run started one) after the last storage test.</summary>
[SetUpFixture]
public sealed class StorageSetUp
{
    [OneTimeTearDown]
    public Task StopServer() => JotMatcher.Tests.Postgres.TestPostgres.StopAsync();
}
