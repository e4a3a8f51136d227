namespace JotMatcher.Core.Points;

/// <summary>SPEC §4 priority groups, 1 (hardest to help) to 5.</summary>
public enum PriorityGroup : byte
{
    Group1 = 1,
    Group2 = 2,
    Group3 = 3,
    Group4 = 4,
    Group5 = 5,
}
