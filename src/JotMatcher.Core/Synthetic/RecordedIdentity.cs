namespace JotMatcher.Core.Synthetic;

/// <summary>The identity fields of one record exactly as the file will carry them, noise included.</summary>
public sealed record RecordedIdentity(
    string Nino,
    string Surname,
    string Forenames,
    RecordedDate DateOfBirth,
    string Sex,
    string Postcode);
