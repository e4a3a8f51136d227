namespace JotMatcher.Core.Matching;

/// <summary>How one field compared for a linked pair: the comparison level reached and the weight it contributed.</summary>
public sealed record FieldEvidence(string Field, string Level, double Weight);
