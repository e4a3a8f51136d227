using System.Globalization;

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// Synthetic British geography: postcodes (area letters, district number, sector digit, unit letters), the Jobcentre
/// district and office that serve them, and the ward (<c>area_code</c>) each postcode sector lies in. A ward is
/// deprived or not by a seeded draw, so the deprived-area list differs between seeds like everything else.
/// </summary>
internal sealed class PlaceCatalog(ulong seed)
{
    private static readonly string[] Areas =
    [
        "AB", "B", "BB", "BD", "BH", "BL", "BN", "BS", "CF", "CR", "CV", "DN", "DY", "E", "EH", "G", "HD", "HU", "L", "LE",
        "LS", "M", "N", "NE", "NG", "NP", "OL", "PL", "PR", "S", "SE", "SO", "SR", "ST", "SW", "TS", "WF", "WS", "WV", "YO",
    ];

    // Unit letters of real inward codes never use C, I, K, M, O or V.
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const int DistrictsPerArea = 30;
    private const int SectorsPerWard = 2;
    private const int DeprivedPercent = 15;

    public static int DistrictCount => Areas.Length;

    public static int WardCount => Areas.Length * DistrictsPerArea * 10 / SectorsPerWard;

    // Every code string made once: a record costs a lookup, not an allocation.
    private static readonly string[] Outwards = [.. Enumerable.Range(0, Areas.Length * DistrictsPerArea)
        .Select(i => Areas[i / DistrictsPerArea] + ((i % DistrictsPerArea) + 1).ToString(CultureInfo.InvariantCulture))];

    private static readonly string[] Inwards = [.. Enumerable.Range(0, 10 * UnitLetters.Length * UnitLetters.Length)
        .Select(i => string.Concat((i / (UnitLetters.Length * UnitLetters.Length)).ToString(CultureInfo.InvariantCulture),
            UnitLetters[i / UnitLetters.Length % UnitLetters.Length].ToString(), UnitLetters[i % UnitLetters.Length].ToString()))];

    private static readonly string[] WardCodes = [.. Enumerable.Range(0, WardCount)
        .Select(w => "E05" + (w + 1).ToString("D6", CultureInfo.InvariantCulture))];

    private static readonly string[] DistrictCodes = [.. Enumerable.Range(0, Areas.Length)
        .Select(d => "D" + (d + 1).ToString("D2", CultureInfo.InvariantCulture))];

    private static readonly string[] OfficeCodes = [.. Enumerable.Range(0, Areas.Length * OfficesPerDistrict)
        .Select(o => "OF" + ((o / OfficesPerDistrict) + 1).ToString("D2", CultureInfo.InvariantCulture)
            + ((o % OfficesPerDistrict) + 1).ToString("D2", CultureInfo.InvariantCulture))];

    private const int OfficesPerDistrict = 12;

    /// <summary>A random postcode; <paramref name="near"/> keeps the area (a move within the same town).</summary>
    public static Postcode PickPostcode(ref SyntheticRandom random, Postcode? near = null)
    {
        var area = near?.Area ?? random.Next(Areas.Length);
        var district = random.Between(1, DistrictsPerArea);
        var inward = random.Next(Inwards.Length);
        return new Postcode(area, district, inward);
    }

    public bool IsDeprived(int ward) => (int)(Mix(seed ^ 0x5EED_DE9121UL, (ulong)ward) % 100) < DeprivedPercent;

    public static string WardCode(int ward) => WardCodes[ward];

    public static string DistrictCode(int district) => DistrictCodes[district];

    /// <summary>An employer's PAYE reference, e.g. <c>123/AB45678</c>, for one of a fixed pool of employers.</summary>
    public static string EmployerRef(ref SyntheticRandom random) => string.Create(11, random.NextUInt64(), static (span, bits) =>
    {
        var office = 100 + (int)(bits % 900);
        bits /= 900;
        office.TryFormat(span, out _, "D3", CultureInfo.InvariantCulture);
        span[3] = '/';
        span[4] = (char)('A' + (int)(bits % 26));
        bits /= 26;
        span[5] = (char)('A' + (int)(bits % 26));
        bits /= 26;
        ((int)(bits % 100000)).TryFormat(span[6..], out _, "D5", CultureInfo.InvariantCulture);
    });

    private static ulong Mix(ulong a, ulong b)
    {
        var z = a + (b * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A full postcode; the ward, district and office follow from it.</summary>
    /// <param name="Inward">Index of the inward code: sector digit, then two unit letters.</param>
    internal readonly record struct Postcode(int Area, int District, int Inward)
    {
        public string Outward => Outwards[(Area * DistrictsPerArea) + District - 1];

        public string InwardCode => Inwards[Inward];

        private int Sector => Inward / (UnitLetters.Length * UnitLetters.Length);

        public int Ward => ((((Area * DistrictsPerArea) + District - 1) * 10) + Sector) / SectorsPerWard;

        /// <summary>The Jobcentre district: one per postcode area.</summary>
        public int JobcentreDistrict => Area;

        public string OfficeCode => OfficeCodes[(Area * OfficesPerDistrict) + (District % OfficesPerDistrict)];
    }
}
