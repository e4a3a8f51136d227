namespace JotMatcher.Infrastructure.Postgres;

/// <summary>
/// The database could not be set up: no server programs, a folder the server user cannot reach, a missing key.
/// The message names the setting or folder to fix and never quotes data.
/// </summary>
public sealed class StorageSetupException(string message) : Exception(message);
