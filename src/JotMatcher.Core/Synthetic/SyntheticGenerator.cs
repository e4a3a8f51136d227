using System.Globalization;
using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// A seeded synthetic population in SPEC §2 form, with its truth: yields batches of consecutive people, so any size
/// streams through a little memory. Each batch is drawn from its own random stream (seed, batch number), so batches
/// are built ahead on every core and still come out identical on any machine; ids are given in order as they leave.
/// </summary>
public sealed class SyntheticGenerator
{
    /// <summary>People per batch. Part of the output's definition: changing it changes every dataset.</summary>
    public const int PeoplePerBatch = 4096;

    private const ulong BatchStream = 0xB47C4UL;
    private const ulong ProfileStream = 0x960F11EUL;

    private readonly SyntheticOptions _options;
    private readonly RuleSetCatalog _rules;
    private readonly NinoAllocator _ninos;
    private readonly PlaceCatalog _places;

    public SyntheticGenerator(SyntheticOptions options, RuleSetCatalog rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        options.Validate();
        _options = options;
        _rules = rules;
        _ninos = new NinoAllocator(options.Seed);
        _places = new PlaceCatalog(options.Seed);
        Rates = NoiseRates.Scaled(options.NoiseScale);
    }

    public SyntheticOptions Options => _options;

    public NoiseRates Rates { get; }

    /// <summary>Every batch, in order, numbered. Batches ahead of the one returned are being built on other threads.</summary>
    public IEnumerable<SyntheticBatch> Batches()
    {
        var count = (_options.People + PeoplePerBatch - 1) / PeoplePerBatch;
        var ahead = Math.Max(2, Environment.ProcessorCount * 2);
        var building = new Queue<Task<SyntheticBatch>>();
        var next = 0;
        var numbering = new Numbering();
        while (next < count && building.Count < ahead)
        {
            var b = next++;
            building.Enqueue(Task.Run(() => Build(b)));
        }

        while (building.Count > 0)
        {
            var batch = building.Dequeue().GetAwaiter().GetResult();
            if (next < count)
            {
                var b = next++;
                building.Enqueue(Task.Run(() => Build(b)));
            }

            numbering.Number(batch);
            yield return batch;
        }
    }

    /// <summary>The wards that earn the deprived-area premium, in code order.</summary>
    public IEnumerable<string> DeprivedAreas()
    {
        for (var ward = 0; ward < PlaceCatalog.WardCount; ward++)
        {
            if (_places.IsDeprived(ward))
            {
                yield return PlaceCatalog.WardCode(ward);
            }
        }
    }

    /// <summary>
    /// A points target per district and month of performance years 2006-07 and 2007-08: about what the population
    /// earns, give or take a fifth, so reports have something to compare with.
    /// </summary>
    public IEnumerable<ProfileEntry> Profile()
    {
        var random = SyntheticRandom.For(_options.Seed, ProfileStream, 0);
        var perDistrictMonth = Math.Max(1.0, _options.People * 3.0 / (PlaceCatalog.DistrictCount * 24));
        for (var district = 0; district < PlaceCatalog.DistrictCount; district++)
        {
            for (var month = new DateOnly(2006, 4, 1); month < new DateOnly(2008, 4, 1); month = month.AddMonths(1))
            {
                var points = (int)Math.Round(perDistrictMonth * (0.8 + (0.4 * random.NextDouble())));
                yield return new ProfileEntry(
                    PlaceCatalog.DistrictCode(district), month.ToString("yyyy-MM", CultureInfo.InvariantCulture), points);
            }
        }
    }

    private SyntheticBatch Build(int batchNumber)
    {
        var random = SyntheticRandom.For(_options.Seed, BatchStream, (ulong)batchNumber);
        var batch = new SyntheticBatch();
        var households = new HouseholdBuilder(_ninos, Rates, batch.Noise);
        var people = new PersonRecorder(_places, _rules, _options.AsOf, Rates, batch);
        var members = new List<SyntheticPerson>(3);
        var first = (long)batchNumber * PeoplePerBatch;
        var end = Math.Min(_options.People, first + PeoplePerBatch);
        for (var index = first; index < end; index += members.Count)
        {
            households.Build(ref random, index, (int)(end - index), members);
            foreach (var person in members)
            {
                people.Add(ref random, person);
            }
        }

        batch.People = (int)(end - first);

        // The feed's order says nothing of whose a row is: shuffled within the batch (Fisher–Yates).
        var rows = batch.Employments;
        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        return batch;
    }

    /// <summary>Running counters that number batches as they leave, in order.</summary>
    private sealed class Numbering
    {
        private long _claims;
        private long _customers;
        private long _employments;

        public void Number(SyntheticBatch batch)
        {
            var ordinal = -1;
            var customerId = "";
            foreach (var claim in batch.Claims)
            {
                if (claim.CustomerOrdinal != ordinal)
                {
                    ordinal = claim.CustomerOrdinal;
                    customerId = Id("CU", ++_customers);
                }

                claim.CustomerId = customerId;
                claim.ClaimId = Id("CL", ++_claims);
            }

            foreach (var employment in batch.Employments)
            {
                employment.Sequence = ++_employments;
                employment.HmrcId = Id("HM", employment.Sequence);
            }

            batch.Truth.Sort(static (a, b) => a.Employment.Sequence.CompareTo(b.Employment.Sequence));
            batch.Outcomes.Sort(static (a, b) => a.Employment.Sequence.CompareTo(b.Employment.Sequence));
        }

        // Fixed width, so ordinal order is numeric order (SPEC §6 sorts exports by id).
        private static string Id(string prefix, long number) => prefix + number.ToString("D9", CultureInfo.InvariantCulture);
    }
}
