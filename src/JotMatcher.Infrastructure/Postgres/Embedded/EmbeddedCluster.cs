using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres.Embedded;

/// <summary>
/// The embedded default (SPEC §5): a PostgreSQL cluster of JotMatcher's own, created with the machine's server
/// programs under <see cref="EmbeddedClusterOptions.DataFolder"/>, listening only on a unix socket in that folder,
/// run as <see cref="EmbeddedClusterOptions.ServerUser"/> when we are root. Several processes share it: each holds
/// a shared lock on <c>users.lock</c> while it uses the cluster; starting and stopping happen under the exclusive
/// <c>control.lock</c>, and the last user out (the one that gets <c>users.lock</c> exclusively) stops the server.
/// </summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(2);

    private readonly EmbeddedClusterOptions options;
    private readonly ILogger logger;
    private readonly string binDirectory;
    private readonly string? serverUser;
    private FileStream? usersLock;

    private EmbeddedCluster(EmbeddedClusterOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        Folder = Path.GetFullPath(options.DataFolder ?? throw new StorageSetupException("the embedded cluster needs a data folder"));
        binDirectory = PostgresBinaries.Find(options.BinDirectory);
        serverUser = Environment.IsPrivilegedProcess ? options.ServerUser : null;
        SocketDirectory = ChooseSocketDirectory(Folder, options.Port);
    }

    /// <summary>The cluster's folder, absolute.</summary>
    public string Folder { get; }

    public string SocketDirectory { get; }

    private string DataDirectory => Path.Combine(Folder, "data");

    private string LogFile => Path.Combine(Folder, "log", "server.log");

    /// <summary>Connection string to <paramref name="database"/> (default: the configured one) over the private socket.</summary>
    public string ConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = options.Port,
        Username = "postgres",
        Database = database ?? options.Database,
        Pooling = true,
    }.ConnectionString;

    /// <summary>Starts the cluster (creating it on first use) or joins it when another process already runs it.</summary>
    public static async Task<EmbeddedCluster> StartAsync(EmbeddedClusterOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = new EmbeddedCluster(options, logger);
        try
        {
            await cluster.StartOrJoinAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartOrJoinAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        using (ClusterFileLock.AcquireExclusive(Path.Combine(Folder, "control.lock"), ControlTimeout))
        {
            usersLock = ClusterFileLock.TryShared(Path.Combine(Folder, "users.lock"))
                ?? throw new StorageSetupException("the embedded cluster's users.lock is held exclusively outside the control lock");
            if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            {
                Initialise();
            }

            if (IsRunning())
            {
                Log.EmbeddedClusterJoined(logger, Folder);
            }
            else
            {
                Start();
                Log.EmbeddedClusterStarted(logger, Folder);
            }
        }

        await EnsureDatabaseAsync(cancellationToken);
    }

    private void Initialise()
    {
        PrepareFolder(DataDirectory);
        PrepareFolder(Path.GetDirectoryName(LogFile)!);
        var arguments = new List<string>
        {
            "-D", DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C",
        };
        if (!options.Durable)
        {
            arguments.Add("--no-sync");
        }

        RunServerProgram("initdb", arguments, "create the embedded cluster");

        // Our settings live in an included file rewritten at each start, so a moved folder still works.
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), "\ninclude_if_exists = 'jot.conf'\n");
    }

    private void Start()
    {
        PrepareFolder(SocketDirectory);
        var settings = string.Join('\n',
            "listen_addresses = ''",
            "unix_socket_directories = '" + SocketDirectory.Replace("'", "''", StringComparison.Ordinal) + "'",
            "port = " + options.Port.ToString(CultureInfo.InvariantCulture),
            "max_wal_size = '2GB'",
            "fsync = " + (options.Durable ? "on" : "off"),
            "synchronous_commit = " + (options.Durable ? "on" : "off"),
            "full_page_writes = " + (options.Durable ? "on" : "off"),
            "");
        var conf = Path.Combine(DataDirectory, "jot.conf");
        File.WriteAllText(conf, settings);
        Chown(conf);
        RunServerProgram("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "120", "start"], "start the embedded cluster");
    }

    private bool IsRunning()
    {
        // pg_ctl status: 0 running, 3 not running, 4 no usable data directory.
        var result = RunAsServerUser("pg_ctl", ["-D", DataDirectory, "status"]);
        return result.ExitCode == 0;
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name = options.Database }, cancellationToken: cancellationToken));
        if (!exists)
        {
            try
            {
                // The name is validated by EmbeddedClusterOptions (lower-case identifier); identifiers cannot be parameters.
                await connection.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{options.Database}\"", cancellationToken: cancellationToken));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase || e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // another process created it at the same moment
            }
        }
    }

    /// <summary>Leaves the cluster; the last process out stops it.</summary>
    public ValueTask DisposeAsync()
    {
        if (usersLock is null)
        {
            return ValueTask.CompletedTask;
        }

        using (ClusterFileLock.AcquireExclusive(Path.Combine(Folder, "control.lock"), ControlTimeout))
        {
            usersLock.Dispose();
            usersLock = null;
            using var last = ClusterFileLock.TryExclusive(Path.Combine(Folder, "users.lock"));
            if (last is not null && IsRunning())
            {
                var result = RunAsServerUser("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);
                if (result.ExitCode == 0)
                {
                    Log.EmbeddedClusterStopped(logger, Folder);
                }
                else
                {
                    Log.EmbeddedClusterStopFailed(logger, Folder, result.ExitCode);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private void RunServerProgram(string program, IReadOnlyList<string> arguments, string purpose)
    {
        var result = RunAsServerUser(program, arguments);
        if (result.ExitCode != 0)
        {
            throw new StorageSetupException(
                $"could not {purpose} in {Folder} ({program} exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}): {result.Output.Trim()}");
        }
    }

    private ProcessResult RunAsServerUser(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(binDirectory, program);
        return serverUser is null
            ? ProcessRunner.Run(path, arguments, ProgramTimeout)
            : ProcessRunner.Run("runuser", ["-u", serverUser, "--", path, .. arguments], ProgramTimeout);
    }

    // As root the server user must own its folders and be able to reach them through every parent.
    private void PrepareFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        if (serverUser is null)
        {
            return;
        }

        Chown(folder);
        var probe = ProcessRunner.Run("runuser", ["-u", serverUser, "--", "test", "-w", folder], ProgramTimeout);
        if (probe.ExitCode != 0)
        {
            throw new StorageSetupException(
                $"the server user '{serverUser}' cannot reach {folder}; set Jot:Embedded:DataFolder to a folder it can reach");
        }
    }

    private void Chown(string path)
    {
        if (serverUser is null)
        {
            return;
        }

        var result = ProcessRunner.Run("chown", ["-R", serverUser, path], ProgramTimeout);
        if (result.ExitCode != 0)
        {
            throw new StorageSetupException($"could not give {path} to the server user '{serverUser}': {result.Output.Trim()}");
        }
    }

    // A unix socket path must fit in 107 bytes; a deep data folder gets its socket under /tmp instead.
    private static string ChooseSocketDirectory(string folder, int port)
    {
        var inFolder = Path.Combine(folder, "run");
        var socketName = ".s.PGSQL." + port.ToString(CultureInfo.InvariantCulture);
        if (System.Text.Encoding.UTF8.GetByteCount(Path.Combine(inFolder, socketName)) <= 100)
        {
            return inFolder;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..12];
        return Path.Combine(Path.GetTempPath(), "jot-pg-" + hash);
    }
}
