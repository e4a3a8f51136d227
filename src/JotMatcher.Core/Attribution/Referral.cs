using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Attribution;

/// <summary>Working while claiming (SPEC §4): a matched employment that started while a spell was running.</summary>
public sealed record Referral(IdentityLink Link, ClaimSpell Spell);
