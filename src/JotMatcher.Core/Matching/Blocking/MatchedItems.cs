namespace JotMatcher.Core.Matching.Blocking;

/// <summary>The items two <see cref="KeyIndex"/>es hold under one key, each side ascending.</summary>
internal delegate void MatchedItems(ReadOnlySpan<int> left, ReadOnlySpan<int> right);
