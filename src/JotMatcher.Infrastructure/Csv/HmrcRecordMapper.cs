using CsvHelper;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>Maps an HMRC employment feed row (SPEC §2) to an <see cref="HmrcEmployment"/>.</summary>
/// <param name="csv">The file's reader.</param>
/// <param name="postcodes">The postcodes of the run's other files, if any.</param>
internal sealed class HmrcRecordMapper(CsvReader csv, SharedStringPool? postcodes = null) : IRecordMapper<HmrcEmployment>
{
    public static readonly string[] RequiredColumns = ["hmrc_id", "employment_start"];

    private readonly Column hmrcId = Column.Find(csv, "hmrc_id");
    private readonly Column nino = Column.Find(csv, "nino");
    private readonly Column surname = Column.Find(csv, "surname");
    private readonly Column forenames = Column.Find(csv, "forenames");
    private readonly Column dateOfBirth = Column.Find(csv, "date_of_birth");
    private readonly Column sex = Column.Find(csv, "sex");
    private readonly Column postcode = Column.Find(csv, "postcode");
    private readonly Column employerRef = Column.Find(csv, "employer_ref");
    private readonly Column employmentStart = Column.Find(csv, "employment_start");
    private readonly Column notifiedOn = Column.Find(csv, "notified_on");

    // An HMRC feed has no reason to repeat a person on the next row; these only spare the parsing of a repeat.
    private readonly RepeatedField<Nino> lastNino = new();
    private readonly RepeatedField<string> lastPostcode = new();

    // Names repeat across a feed's employees (41k surnames in a million rows); ids and employer references do not.
    private readonly ColumnStringPool surnames = new(), forenameSets = new();

    public string IdColumn => "hmrc_id";

    public RecordId IdOf(HmrcEmployment record) => record.HmrcId;

    /// <summary>The employer reference: staged, never read by matching or anything after it, so not kept in the record.</summary>
    public ReadOnlySpan<byte> StagedOnly(RowFields row) => row.OptionalUtf8(employerRef);

    public HmrcEmployment? Map(RowFields row, SourceLocation source)
    {
        var id = row.RequiredId(hmrcId);
        var start = row.RequiredDate(employmentStart);
        var employeeNino = row.IdentityNino(nino, lastNino);
        var employeeSurname = row.Identity(surname, surnames);
        var employeeForenames = row.Identity(forenames, forenameSets);
        var employeePostcode = row.IdentityPostcode(postcode, lastPostcode, postcodes);
        if (row.IsRejected)
        {
            return null;
        }

        return new HmrcEmployment
        {
            HmrcId = id,
            Nino = employeeNino,
            Surname = employeeSurname,
            Forenames = employeeForenames,
            DateOfBirth = row.OptionalDate(dateOfBirth),
            Sex = Codes.ReadSex(row, sex),
            Postcode = employeePostcode,
            EmploymentStart = start,
            NotifiedOn = row.OptionalDate(notifiedOn),
            Source = source,
        };
    }
}
