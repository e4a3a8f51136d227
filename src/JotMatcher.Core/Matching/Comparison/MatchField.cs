namespace JotMatcher.Core.Matching.Comparison;

/// <summary>The fields compared for a pair, in evidence order. Values index the model's tables.</summary>
internal enum MatchField
{
    Nino = 0,
    Surname = 1,
    Forenames = 2,
    DateOfBirth = 3,
    Postcode = 4,
    Sex = 5,
    MiddleNames = 6,
}
