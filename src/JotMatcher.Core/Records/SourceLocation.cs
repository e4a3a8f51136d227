namespace JotMatcher.Core.Records;

/// <summary>Where a record came from: the input file's name (not its path) and its 1-based line.</summary>
public readonly record struct SourceLocation(string File, long Line);
