namespace JotMatcher.Core.Matching.Model;

/// <summary>
/// A customer profile's weights for exact agreement on its own surname, forename and date of birth, term-frequency
/// adjusted, computed once from the model so scoring a pair only reads them.
/// </summary>
internal readonly record struct ExactAgreementWeights(
    double Surname,
    double Forename,
    double ForenameGivenSurname,
    double DateOfBirth,
    double DateOfBirthGivenSurname);
