using JotMatcher.Infrastructure.Postgres.Runs;

namespace JotMatcher.Host.Runs;

/// <summary>
/// One run: what kind, which inbox, which month (null: every open month, or every month for a replay), where to
/// export, and optionally a model file whose weights are used as they are instead of being estimated.
/// </summary>
internal sealed record RunRequest(RunKind Kind, string Inbox, string? Month, string? OutDirectory, string? ModelJson = null);
