namespace JotMatcher.Core.Points;

/// <summary>The points one job outcome earns: base points for its priority group plus each premium.</summary>
public readonly record struct PointsAward(
    PriorityGroup Group,
    int BasePoints,
    int SustainPoints,
    bool SustainPending,
    int AreaPoints,
    int ChildPoints,
    string RuleSetVersion)
{
    public int TotalPoints => BasePoints + SustainPoints + AreaPoints + ChildPoints;
}
