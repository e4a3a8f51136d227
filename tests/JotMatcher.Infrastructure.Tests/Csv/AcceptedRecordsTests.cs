using System.Globalization;
using System.Text;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Tests.Csv;

/// <summary>
/// The staged-only text travels as bytes copied into its batch's buffer, and a copied batch is filled again: every
/// batch, read while the next ones are being filled (reused batches, buffers that grow and ones sized from the batch
/// before), still holds its own records' text, in file order.
/// </summary>
public sealed class AcceptedRecordsTests
{
    [Test]
    public async Task Each_record_keeps_its_own_text_while_later_batches_reuse_the_copied_ones()
    {
        var accepted = new AcceptedRecords<string>();
        var seen = new List<(string Record, string Text)>();
        await using var reading = accepted.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        var next = 0;

        // Reader and copy in step: a batch is read only once the next one is being filled, as staging does it when
        // the copy keeps up, so from the third batch on the reader fills batches the copy is done with.
        for (var batch = 0; batch < 6; batch++)
        {
            for (var i = 0; i < 4096; i++, next++)
            {
                accepted.Add(Name(next), Encoding.UTF8.GetBytes(TextOf(next)));
            }

            Assert.That(await reading.MoveNextAsync(), Is.True);
            seen.AddRange(Read(reading.Current));
        }

        for (var i = 0; i < 1000; i++, next++)
        {
            accepted.Add(Name(next), Encoding.UTF8.GetBytes(TextOf(next)));
        }

        accepted.Complete();
        while (await reading.MoveNextAsync())
        {
            seen.AddRange(Read(reading.Current));
        }

        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, next).Select(n => (Name(n), TextOf(n)))));
    }

    [Test]
    public void A_record_without_staged_text_has_none()
    {
        var accepted = new AcceptedRecords<string>();
        accepted.Add("a", default);
        accepted.Add("b", "x"u8);
        accepted.Complete();

        var staged = accepted.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable().SelectMany(Read).ToList();

        Assert.That(staged, Is.EqualTo(new[] { ("a", ""), ("b", "x") }));
    }

    private static IEnumerable<(string Record, string Text)> Read(StagedBatch<string> batch)
        => batch.Records.ToArray().Select(s => (s.Record, Encoding.UTF8.GetString(batch.StagedOnly(s))));

    private static string Name(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mostly short; now and then blank, non-ASCII, or long enough that a batch's buffer has to be replaced.</summary>
    private static string TextOf(int n) => (n % 7) switch
    {
        0 => "",
        1 => "Zoë-" + Name(n),
        2 when n % 100 == 2 => new string('e', 3000) + Name(n),
        _ => Name(n) + "/AB",
    };
}
