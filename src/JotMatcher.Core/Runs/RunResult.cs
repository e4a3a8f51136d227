using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;

namespace JotMatcher.Core.Runs;

/// <summary>The pure result of a run, before any sink sees it.</summary>
public sealed record RunResult(MatchResult Match, AttributionResult Attribution, DateOnly AsOf);
