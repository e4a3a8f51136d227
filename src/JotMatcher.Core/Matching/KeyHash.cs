namespace JotMatcher.Core.Matching;

/// <summary>
/// 64-bit FNV-1a over strings and ints, for blocking and lookup keys. Stable across processes (unlike
/// <see cref="string.GetHashCode()"/>), so candidate sets never depend on the run. A collision only adds a candidate
/// that scoring then rejects; zero is reserved for "no key".
/// </summary>
internal static class KeyHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(string a, string b, int c) => NonZero(Add(Add(Add(Offset, a), b), c));

    public static long Of(string a, int b) => NonZero(Add(Add(Offset, a), b));

    public static long Of(ReadOnlySpan<char> a, int b) => NonZero(Add(Add(Offset, a), b));

    public static long Of(int a, int b) => NonZero(Add(Add(Offset, a), b));

    public static long Of(int a, int b, int c) => NonZero(Add(Add(Add(Offset, a), b), c));

    private static ulong Add(ulong h, string s) => Add(h, s.AsSpan());

    private static ulong Add(ulong h, ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            h = (h ^ ch) * Prime;
        }

        return (h ^ 0xFF) * Prime;
    }

    private static ulong Add(ulong h, int value)
    {
        for (var i = 0; i < 4; i++)
        {
            h = (h ^ (byte)(value >> (8 * i))) * Prime;
        }

        return h;
    }

    private static long NonZero(ulong h) => h == 0 ? 1 : (long)h;
}
