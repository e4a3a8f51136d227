namespace JotMatcher.Core.Records;

/// <summary>An input row (or a whole file, line 0) that could not be used, and why. The reason never quotes the row's data.</summary>
public sealed record Reject(string File, long Line, string Reason);
