namespace JotMatcher.Core.Matching.Comparison;

/// <summary>The level each field reached for one pair; a value type so scoring allocates nothing.</summary>
internal readonly record struct ComparisonVector(byte Nino, byte Surname, byte Forenames, byte DateOfBirth, byte Postcode, byte Sex, byte MiddleNames)
{
    public byte this[MatchField field] => field switch
    {
        MatchField.Nino => Nino,
        MatchField.Surname => Surname,
        MatchField.Forenames => Forenames,
        MatchField.DateOfBirth => DateOfBirth,
        MatchField.Postcode => Postcode,
        MatchField.Sex => Sex,
        _ => MiddleNames,
    };
}
