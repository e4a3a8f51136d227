namespace JotMatcher.Infrastructure.Postgres.Embedded;

/// <summary>
/// The embedded default cluster, used when <c>ConnectionStrings:Jot</c> is unset. Section <c>Jot:Embedded</c>.
/// </summary>
public sealed class EmbeddedClusterOptions
{
    public const string SectionName = "Jot:Embedded";

    /// <summary>
    /// The cluster's folder (data, socket, log, locks, pseudonym key). Unset: <c>pg</c> under <c>Jot:DataFolder</c>,
    /// i.e. <c>.jot/pg</c> under the working directory (git-ignored).
    /// </summary>
    public string? DataFolder { get; set; }

    /// <summary>Folder of <c>initdb</c> and <c>pg_ctl</c>; unset: the newest <c>/usr/lib/postgresql/*/bin</c>, then <c>pg_config --bindir</c>, then PATH.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>
    /// The port number. The cluster listens on a unix socket in its own folder only (no TCP), so the number only
    /// names the socket and cannot clash with another server. Default 54329.
    /// </summary>
    public int Port { get; set; } = 54329;

    /// <summary>The operating-system user that runs the server when JotMatcher runs as root (initdb refuses root). Default <c>postgres</c>.</summary>
    public string ServerUser { get; set; } = "postgres";

    /// <summary>The database JotMatcher uses in the cluster. Default <c>jot</c>.</summary>
    public string Database { get; set; } = "jot";

    /// <summary>
    /// False for throw-away clusters (tests): no fsync, so a test run does not wait on the disk. Default true.
    /// </summary>
    public bool Durable { get; set; } = true;
}
