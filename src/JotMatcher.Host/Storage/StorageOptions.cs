namespace JotMatcher.Host.Storage;

/// <summary>Where `jot run` reads and how stored data is pseudonymised. Section <c>Jot</c> (beside <see cref="JotOptions"/>).</summary>
internal sealed class StorageOptions
{
    /// <summary>
    /// The inbox `jot run` stages from when no <c>--inbox</c> is given: a dataset folder (claims/, hmrc/, reference/,
    /// manifest.json). Default <c>sample-data/basic</c>, the bundled sample, relative to the current directory.
    /// </summary>
    public string Inbox { get; set; } = Path.Combine("sample-data", "basic");

    /// <summary>
    /// The key of the NINo pseudonym in the reporting views (HMAC-SHA256), at least 16 characters. Required when
    /// <c>ConnectionStrings:Jot</c> names a server; the embedded default generates one and keeps it in its data
    /// folder. Never logged. Changing it changes every pseudonym written from then on (docs/operations.md).
    /// </summary>
    public string? PseudonymKey { get; set; }
}
