namespace JotMatcher.Core.Records;

public enum Sex : byte
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
