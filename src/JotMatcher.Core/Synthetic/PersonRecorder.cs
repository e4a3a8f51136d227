using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// Lives one person's history and records it into a batch: the customer's spells as claims rows (one noisy identity
/// as the Jobcentre holds it), each job as an HMRC row (its own noisy identity, as that employer keyed it), the odd
/// junk row the reader must reject, and the truth the oracle draws from what really happened.
/// </summary>
internal sealed class PersonRecorder
{
    private readonly PlaceCatalog _places;
    private readonly OutcomeOracle _oracle;
    private readonly int _asOf;
    private readonly NoiseRates _rates;
    private readonly SyntheticBatch _batch;
    private readonly IdentityNoise _noise;
    private readonly List<SyntheticClaim> _claims = [];
    private readonly List<SyntheticEmployment> _employments = [];

    public PersonRecorder(PlaceCatalog places, RuleSetCatalog rules, DateOnly asOf, NoiseRates rates, SyntheticBatch batch)
    {
        _places = places;
        _oracle = new OutcomeOracle(rules, asOf);
        _asOf = asOf.DayNumber;
        _rates = rates;
        _batch = batch;
        _noise = new IdentityNoise(rates, batch.Noise);
    }

    public void Add(ref SyntheticRandom random, SyntheticPerson person)
    {
        var history = LifeHistoryBuilder.Build(ref random, person, _asOf);
        _claims.Clear();
        _employments.Clear();
        var isCustomer = history.Spells.Count > 0;
        if (isCustomer)
        {
            AddClaims(ref random, person, history);
        }

        foreach (var job in history.Jobs)
        {
            var employment = new SyntheticEmployment
            {
                Identity = _noise.Record(ref random, person, NoiseSide.Hmrc),
                EmployerRef = job.EmployerRef,
                EmploymentStart = RecordedDate.FromDayNumber(job.Start),
                NotifiedOn = RecordedDate.FromDayNumber(job.Notified),
            };
            _employments.Add(employment);
            _batch.Employments.Add(employment);
            if (Junk(ref random, NoiseSide.Hmrc))
            {
                // A row whose employment start is an impossible date: rejected by the reader, so never in the truth.
                _batch.Employments.Add(new SyntheticEmployment
                {
                    Identity = employment.Identity,
                    EmployerRef = job.EmployerRef,
                    EmploymentStart = new RecordedDate(employment.EmploymentStart.Year, 2, 30),
                    NotifiedOn = employment.NotifiedOn,
                    IsIntendedReject = true,
                });
            }
        }

        if (isCustomer)
        {
            _oracle.Judge(history.Spells, _claims, _places.IsDeprived(person.Home.Ward), history.Jobs, _employments, _batch.Truth, _batch.Outcomes);
        }
    }

    private void AddClaims(ref SyntheticRandom random, SyntheticPerson person, LifeHistory history)
    {
        var identity = _noise.Record(ref random, person, NoiseSide.Claims);
        var ordinal = _batch.Customers++;
        var area = PlaceCatalog.WardCode(person.Home.Ward);
        var district = PlaceCatalog.DistrictCode(person.Home.JobcentreDistrict);
        var office = person.Home.OfficeCode;
        foreach (var spell in history.Spells)
        {
            var claim = new SyntheticClaim
            {
                Identity = identity,
                CustomerOrdinal = ordinal,
                Benefit = spell.Benefit,
                Employed = spell.Employed,
                LoneParent = spell.LoneParent,
                Disabled = spell.Disabled,
                HasChildren = spell.HasChildren,
                Programme = spell.Programme,
                ClaimStart = RecordedDate.FromDayNumber(spell.Start),
                ClaimEnd = spell.IsEnded ? RecordedDate.FromDayNumber(spell.End) : RecordedDate.Blank,
                OfficeCode = office,
                DistrictCode = district,
                AreaCode = area,
            };
            _claims.Add(claim);
            _batch.Claims.Add(claim);
        }

        if (Junk(ref random, NoiseSide.Claims))
        {
            // A spell row with no claim_start: the reader must reject it; it belongs to no truth pair.
            _batch.Claims.Add(new SyntheticClaim
            {
                Identity = identity,
                CustomerOrdinal = ordinal,
                Benefit = history.Spells[0].Benefit,
                ClaimStart = RecordedDate.Blank,
                OfficeCode = office,
                DistrictCode = district,
                AreaCode = area,
                IsIntendedReject = true,
            });
        }
    }

    private bool Junk(ref SyntheticRandom random, NoiseSide side)
        => _batch.Noise.Record(NoiseKind.RejectedRow, side, random.Chance(_rates.Of(NoiseKind.RejectedRow, side)));
}
