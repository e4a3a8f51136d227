namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// The last value read from one column and the bytes it was read from. A customer's claim spells sit on consecutive
/// rows of an extract with the same customer id, NINo and postcode: a field whose bytes equal the previous row's
/// takes the previous value instead of a new string, which keeps a third fewer strings alive at 1M people. Only a
/// value read without a warning or reject is kept, so taking it again skips no counting.
/// </summary>
internal sealed class RepeatedField<T>
{
    private const int MaxBytes = 64;

    private readonly byte[] bytes = new byte[MaxBytes];
    private int length = -1;

    public T Value { get; private set; } = default!;

    public bool Matches(ReadOnlySpan<byte> raw) => length >= 0 && raw.SequenceEqual(bytes.AsSpan(0, length));

    public void Remember(ReadOnlySpan<byte> raw, T value)
    {
        if (raw.Length > MaxBytes)
        {
            length = -1;
            return;
        }

        raw.CopyTo(bytes);
        length = raw.Length;
        Value = value;
    }
}
