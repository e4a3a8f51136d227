namespace JotMatcher.Infrastructure.Synthetic;

/// <summary>C# member names as file and JSON names: <c>DateOfBirth</c> → <c>date_of_birth</c>.</summary>
internal static class SnakeCase
{
    public static string Of(string name)
        => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToLowerInvariant();
}
