namespace JotMatcher.Core.Synthetic;

/// <summary>One person's true identity, before any record of it is made (and mistyped).</summary>
internal sealed class SyntheticPerson
{
    public required bool Female { get; init; }
    public required NameCatalog.Forename Forename { get; init; }
    /// <summary>Empty when the person has none.</summary>
    public required string MiddleName { get; init; }
    public required string Surname { get; init; }
    /// <summary>The surname before (or after) a marriage or divorce, used where a record carries the other one.</summary>
    public required string OtherSurname { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    /// <summary>Two letters, six digits (unique in the population) and a suffix A–D.</summary>
    public required string Nino { get; init; }
    public required PlaceCatalog.Postcode Home { get; init; }
    /// <summary>Where the person lives by the time an employer notifies a job, if they moved.</summary>
    public required PlaceCatalog.Postcode LaterHome { get; init; }
    public required bool IsCustomer { get; init; }

    public string FullForenames => MiddleName.Length == 0 ? Forename.Formal : Forename.Formal + " " + MiddleName;
}
