namespace JotMatcher.Core.Synthetic;

/// <summary>Where a kind of noise is applied: to a customer's recorded identity, to an HMRC row, or to the population itself.</summary>
public enum NoiseSide : byte
{
    /// <summary>Per customer: the identity the Jobcentre holds, repeated on each of the customer's spells.</summary>
    Claims = 0,
    /// <summary>Per HMRC row: what one employer notified.</summary>
    Hmrc = 1,
    /// <summary>Per person: households with twins or relatives.</summary>
    Population = 2,
}
