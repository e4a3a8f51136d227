using CsvHelper;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>Maps a claims extract row (SPEC §2) to a <see cref="ClaimSpell"/>.</summary>
internal sealed class ClaimRecordMapper : IRecordMapper<ClaimSpell>
{
    public static readonly string[] RequiredColumns = ["claim_id", "customer_id", "claim_start"];

    private readonly Column claimId, customerId, nino, surname, forenames, dateOfBirth, sex, postcode, benefit,
        employed, loneParent, disabled, hasChildren, programme, claimStart, claimEnd, officeCode, districtCode, areaCode;

    private readonly RepeatedField<RecordId> lastCustomer = new();
    private readonly RepeatedField<string> lastPostcode = new();
    private readonly RepeatedField<Nino> lastNino = new();

    // Names and codes repeat across a file's customers (27k surnames, 480 offices in a million rows).
    private readonly ColumnStringPool surnames = new(), forenameSets = new(), offices = new(), districts = new(), areas = new();

    private readonly SharedStringPool? postcodes;

    /// <param name="csv">The file's reader.</param>
    /// <param name="postcodes">The postcodes of the run's other files, if any.</param>
    public ClaimRecordMapper(CsvReader csv, SharedStringPool? postcodes = null)
    {
        this.postcodes = postcodes;
        claimId = Column.Find(csv, "claim_id");
        customerId = Column.Find(csv, "customer_id");
        nino = Column.Find(csv, "nino");
        surname = Column.Find(csv, "surname");
        forenames = Column.Find(csv, "forenames");
        dateOfBirth = Column.Find(csv, "date_of_birth");
        sex = Column.Find(csv, "sex");
        postcode = Column.Find(csv, "postcode");
        benefit = Column.Find(csv, "benefit");
        employed = Column.Find(csv, "employed");
        loneParent = Column.Find(csv, "lone_parent");
        disabled = Column.Find(csv, "disabled");
        hasChildren = Column.Find(csv, "has_children");
        programme = Column.Find(csv, "programme");
        claimStart = Column.Find(csv, "claim_start");
        claimEnd = Column.Find(csv, "claim_end");
        officeCode = Column.Find(csv, "office_code");
        districtCode = Column.Find(csv, "district_code");
        areaCode = Column.Find(csv, "area_code");
    }

    public string IdColumn => "claim_id";

    public RecordId IdOf(ClaimSpell record) => record.ClaimId;

    public ReadOnlySpan<byte> StagedOnly(RowFields row) => default;

    public ClaimSpell? Map(RowFields row, SourceLocation source)
    {
        var id = row.RequiredId(claimId);
        var customer = row.RequiredId(customerId, lastCustomer);
        var start = row.RequiredDate(claimStart);
        var end = row.OptionalDate(claimEnd);
        if (end < start)
        {
            row.Reject("claim_end: before claim_start");
        }

        // SPEC §2 does not mark benefit required, but no priority group (§4) can be chosen without it, so a spell
        // with a blank or unknown benefit could never be scored correctly: reject it visibly rather than guess.
        var spellBenefit = ReadBenefit(row);
        var spellNino = row.IdentityNino(nino, lastNino);
        var spellSurname = row.Identity(surname, surnames);
        var spellForenames = row.Identity(forenames, forenameSets);
        var spellPostcode = row.IdentityPostcode(postcode, lastPostcode, postcodes);
        if (row.IsRejected)
        {
            return null;
        }

        return new ClaimSpell
        {
            ClaimId = id,
            CustomerId = customer,
            Nino = spellNino,
            Surname = spellSurname,
            Forenames = spellForenames,
            DateOfBirth = row.OptionalDate(dateOfBirth),
            Sex = Codes.ReadSex(row, sex),
            Postcode = spellPostcode,
            Benefit = spellBenefit,
            Employed = row.Flag(employed),
            LoneParent = row.Flag(loneParent),
            Disabled = row.Flag(disabled),
            HasChildren = row.Flag(hasChildren),
            Programme = ReadProgramme(row),
            ClaimStart = start,
            ClaimEnd = end,
            OfficeCode = row.Optional(officeCode, offices),
            DistrictCode = row.Optional(districtCode, districts),
            AreaCode = row.Optional(areaCode, areas),
            Source = source,
        };
    }

    private Benefit ReadBenefit(RowFields row)
    {
        var s = row.Span(benefit).Trim((byte)' ');
        if (s.IsEmpty)
        {
            row.Reject("benefit: missing");
            return default;
        }

        if (Utf8Values.IsCode(s, "JSA"u8))
        {
            return Benefit.Jsa;
        }

        if (Utf8Values.IsCode(s, "IS"u8))
        {
            return Benefit.Is;
        }

        if (Utf8Values.IsCode(s, "IB"u8))
        {
            return Benefit.Ib;
        }

        if (Utf8Values.IsCode(s, "ESA"u8))
        {
            return Benefit.Esa;
        }

        if (Utf8Values.IsCode(s, "SDA"u8))
        {
            return Benefit.Sda;
        }

        if (Utf8Values.IsCode(s, "CA"u8))
        {
            return Benefit.Ca;
        }

        if (Utf8Values.IsCode(s, "NONE"u8))
        {
            return Benefit.None;
        }

        row.Reject("benefit: unreadable");
        return default;
    }

    private Programme ReadProgramme(RowFields row)
    {
        var s = row.Span(programme).Trim((byte)' ');
        if (s.IsEmpty)
        {
            return Programme.None;
        }

        if (Utf8Values.IsCode(s, "ND_LP"u8))
        {
            return Programme.NdLp;
        }

        if (Utf8Values.IsCode(s, "ND_DP"u8))
        {
            return Programme.NdDp;
        }

        if (Utf8Values.IsCode(s, "ND_50PLUS"u8))
        {
            return Programme.Nd50Plus;
        }

        if (Utf8Values.IsCode(s, "ND_25PLUS"u8))
        {
            return Programme.Nd25Plus;
        }

        if (Utf8Values.IsCode(s, "ND_YP"u8))
        {
            return Programme.NdYp;
        }

        if (Utf8Values.IsCode(s, "EZ"u8))
        {
            return Programme.Ez;
        }

        row.Warn();
        return Programme.None;
    }
}
