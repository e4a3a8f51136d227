using System.Security.Cryptography;
using System.Text;
using JotMatcher.Core.Identity;

namespace JotMatcher.Infrastructure.Postgres;

/// <summary>
/// The keyed pseudonym of a NINo carried by the reporting tables instead of the NINo (SPEC §7):
/// HMAC-SHA256 of the normalised NINo under a secret key, lower-case hex. Without the key nobody can test a guessed
/// NINo against it; with the same key the same person always gets the same pseudonym, so analysts can count people.
/// The key is held here only, never logged and never sent to the database.
/// </summary>
public sealed class NinoPseudonymizer
{
    private readonly byte[] key;

    public NinoPseudonymizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("the pseudonym key must be at least 16 bytes", nameof(key));
        }

        this.key = [.. key];
    }

    /// <summary>The pseudonym, or null for a blank NINo (nothing to pseudonymise, and blank must not look like one person).</summary>
    public string? Pseudonym(Nino nino)
    {
        using var batch = StartBatch();
        return batch.Pseudonym(nino);
    }

    /// <summary>
    /// Pseudonyms for one writer: one HMAC context reset after each NINo, where <see cref="Pseudonym"/> sets one up per
    /// NINo (measured: OpenSSL's set-up was about a tenth of the CPU of storing a million people's results).
    /// </summary>
    public NinoPseudonymBatch StartBatch() => new(key);
    /// <summary>The key from configuration text (<c>Jot:PseudonymKey</c>): its UTF-8 bytes, at least 16 of them.</summary>
    public static NinoPseudonymizer FromConfiguredKey(string key)
        => string.IsNullOrEmpty(key) || Encoding.UTF8.GetByteCount(key) < 16
            ? throw new StorageSetupException("Jot:PseudonymKey must be at least 16 characters")
            : new NinoPseudonymizer(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// The embedded default's key: read from <paramref name="keyFile"/>, or 32 random bytes written there (owner-only)
    /// on first use, so pseudonyms stay stable across runs of the same embedded cluster.
    /// </summary>
    public static NinoPseudonymizer FromKeyFile(string keyFile)
    {
        if (!File.Exists(keyFile))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var temporary = keyFile + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(fresh);
            }

            // Two processes creating it at once: the first rename wins, both then read the same file.
            if (!File.Exists(keyFile))
            {
                File.Move(temporary, keyFile, overwrite: false);
            }
            else
            {
                File.Delete(temporary);
            }
        }

        return new NinoPseudonymizer(Convert.FromBase64String(File.ReadAllText(keyFile).Trim()));
    }
}

/// <summary>
/// <see cref="NinoPseudonymizer"/>'s pseudonyms through one reusable HMAC context: for one writer at a time (not
/// thread-safe), disposed when the writer is done. The key stays inside the context.
/// </summary>
public sealed class NinoPseudonymBatch : IDisposable
{
    private readonly IncrementalHash hmac;

    internal NinoPseudonymBatch(byte[] key) => hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    /// <summary>Characters (and UTF-8 bytes) of a pseudonym: 32 bytes of HMAC-SHA256 in hex.</summary>
    public const int Length = 2 * HMACSHA256.HashSizeInBytes;

    /// <summary>The pseudonym, or null for a blank NINo: lower-case hex of HMAC-SHA256 of the normalised NINo's UTF-8 bytes.</summary>
    public string? Pseudonym(Nino nino)
    {
        Span<byte> hex = stackalloc byte[Length];
        return TryWrite(nino, hex) ? Encoding.ASCII.GetString(hex) : null;
    }

    /// <summary>
    /// Writes the pseudonym's <see cref="Length"/> hex characters as UTF-8 into <paramref name="utf8Hex"/>, for a writer
    /// that stores it without making a string of it; false (nothing written) for a blank NINo.
    /// </summary>
    public bool TryWrite(Nino nino, Span<byte> utf8Hex)
    {
        var length = nino.Length;
        if (length == 0)
        {
            return false;
        }

        // The normalised NINo's characters without a string of them (a packed NINo has none).
        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        nino.CopyTo(chars);
        Span<byte> text = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(length, 256))];
        var bytes = length <= 256 ? text[..Encoding.UTF8.GetBytes(chars, text)] : Encoding.UTF8.GetBytes(chars.ToArray());
        hmac.AppendData(bytes);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.GetHashAndReset(mac);
        return Convert.TryToHexStringLower(mac, utf8Hex, out _);
    }

    public void Dispose() => hmac.Dispose();
}
