namespace JotMatcher.Infrastructure.Postgres.Embedded;

/// <summary>Finds the folder holding the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>).</summary>
internal static class PostgresBinaries
{
    public static string Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerPrograms(configured)
                ? Path.GetFullPath(configured)
                : throw new StorageSetupException($"Jot:Embedded:BinDirectory '{configured}' holds no initdb and pg_ctl");
        }

        foreach (var candidate in DebianVersionFolders())
        {
            if (HasServerPrograms(candidate))
            {
                return candidate;
            }
        }

        var fromPgConfig = PgConfigBinDir();
        if (fromPgConfig is not null && HasServerPrograms(fromPgConfig))
        {
            return fromPgConfig;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServerPrograms(folder))
            {
                return folder;
            }
        }

        throw new StorageSetupException(
            "no PostgreSQL server programs (initdb, pg_ctl) found in /usr/lib/postgresql/*/bin, pg_config --bindir or PATH; "
            + "install PostgreSQL (e.g. apt-get install postgresql) or set ConnectionStrings:Jot to a server");
    }

    private static bool HasServerPrograms(string folder)
        => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    // Debian/Ubuntu keep each major version apart; prefer the newest.
    private static IEnumerable<string> DebianVersionFolders()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.Version > 0)
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Folder, "bin"));
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            var result = ProcessRunner.Run("pg_config", ["--bindir"], TimeSpan.FromSeconds(10));
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config not installed
        }
    }
}
