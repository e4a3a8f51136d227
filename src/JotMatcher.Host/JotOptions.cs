namespace JotMatcher.Host;

/// <summary>The <c>Jot</c> configuration section: where the program finds its inputs and keeps its data.</summary>
internal sealed class JotOptions
{
    public const string Section = "Jot";

    /// <summary>
    /// The folder the embedded default keeps its state under (PostgreSQL cluster, local keys). Relative paths are
    /// resolved against the current directory, so a clone keeps its own <c>.jot/</c>.
    /// </summary>
    public string DataFolder { get; set; } = ".jot";
}
