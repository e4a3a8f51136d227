namespace JotMatcher.Infrastructure.Postgres.Embedded;

/// <summary>
/// Advisory file locks between JotMatcher processes sharing one embedded cluster. .NET on Unix takes a
/// non-blocking <c>flock</c> when a file is opened: shared for <see cref="FileShare.ReadWrite"/>, exclusive for
/// <see cref="FileShare.None"/>. The kernel drops a lock when its process dies, even by kill -9, so a crashed
/// process never leaves the cluster locked.
/// </summary>
internal static class ClusterFileLock
{
    /// <summary>Waits (polling) for the exclusive lock on <paramref name="path"/>.</summary>
    public static FileStream AcquireExclusive(string path, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var handle = TryOpen(path, FileShare.None);
            if (handle is not null)
            {
                return handle;
            }

            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"another JotMatcher process has held {path} for over {timeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>The shared lock on <paramref name="path"/>, or null while someone holds it exclusively.</summary>
    public static FileStream? TryShared(string path) => TryOpen(path, FileShare.ReadWrite);

    /// <summary>The exclusive lock on <paramref name="path"/>, or null while anyone else holds any lock on it.</summary>
    public static FileStream? TryExclusive(string path) => TryOpen(path, FileShare.None);

    private static FileStream? TryOpen(string path, FileShare share)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            return null; // held by another process
        }
    }
}
