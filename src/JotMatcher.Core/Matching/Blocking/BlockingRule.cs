namespace JotMatcher.Core.Matching.Blocking;

/// <summary>A blocking rule: pairs whose keys are equal (and non-zero) become candidates.</summary>
internal sealed record BlockingRule(string Name, Func<IdentityProfile, long> KeyOf);
