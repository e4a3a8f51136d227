using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Tests.Csv;

/// <summary>
/// <see cref="IdRegistry"/> keeps ascending ids in a sorted run and the rest in a table: on seeded ids that are mostly
/// ascending, with ids out of order and duplicates across files, it answers every add as a plain dictionary of first
/// places does, also after a file is rolled back.
/// </summary>
public sealed class IdRegistryTests
{
    [TestCase(1, 0.0)]
    [TestCase(2, 0.05)]
    [TestCase(3, 0.5)]
    [TestCase(4, 1.0)]
    public void TryAdd_answers_as_a_dictionary_of_first_places(int seed, double disorder)
    {
        var random = new Random(seed);
        var registry = new IdRegistry();
        var model = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var next = 0;
        for (var file = 0; file < 4; file++)
        {
            var name = $"f{file}.csv";
            var mark = registry.Mark();
            var modelBefore = new Dictionary<string, SourceLocation>(model, StringComparer.Ordinal);
            var added = new List<string>();
            var rollBack = file == 2;
            for (var line = 2L; line < 3000; line++)
            {
                var id = random.NextDouble() < disorder || random.Next(20) == 0
                    ? $"ID{random.Next(0, next + 10):D7}"
                    : $"ID{next++:D7}";
                var at = new SourceLocation(name, line);
                var isNew = registry.TryAdd(id, at, out var first);
                var modelNew = model.TryAdd(id, at);
                Assert.That((isNew, first), Is.EqualTo((modelNew, model[id])), $"{name}:{line} {id}");
                if (isNew)
                {
                    added.Add(id);
                }
            }

            if (rollBack)
            {
                registry.RollBack(mark, added.Select(RecordId.Of));
                model = modelBefore;
            }
        }
    }

    [Test]
    public void RollBack_forgets_the_file_and_keeps_what_came_before()
    {
        var registry = new IdRegistry();
        Assert.That(registry.TryAdd("B", new SourceLocation("a.csv", 2), out _), Is.True);
        var mark = registry.Mark();
        Assert.Multiple(() =>
        {
            Assert.That(registry.TryAdd("C", new SourceLocation("b.csv", 2), out _), Is.True);
            Assert.That(registry.TryAdd("A", new SourceLocation("b.csv", 3), out _), Is.True);
        });
        registry.RollBack(mark, ["C", "A"]);

        Assert.Multiple(() =>
        {
            Assert.That(registry.TryAdd("A", new SourceLocation("c.csv", 2), out _), Is.True);
            Assert.That(registry.TryAdd("C", new SourceLocation("c.csv", 3), out _), Is.True);
            Assert.That(registry.TryAdd("B", new SourceLocation("c.csv", 4), out var first), Is.False);
            Assert.That(first, Is.EqualTo(new SourceLocation("a.csv", 2)));
        });
    }

    [Test]
    public void A_line_too_large_to_pack_is_still_found()
    {
        var registry = new IdRegistry();
        var far = new SourceLocation("a.csv", 1L << 41);
        Assert.Multiple(() =>
        {
            Assert.That(registry.TryAdd("A", new SourceLocation("a.csv", 2), out _), Is.True);
            Assert.That(registry.TryAdd("M", far, out _), Is.True);
            Assert.That(registry.TryAdd("B", new SourceLocation("a.csv", 3), out _), Is.True);
            Assert.That(registry.TryAdd("M", new SourceLocation("a.csv", 4), out var first), Is.False);
            Assert.That(first, Is.EqualTo(far));
        });
    }
}
