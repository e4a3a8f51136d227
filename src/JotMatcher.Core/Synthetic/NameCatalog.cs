namespace JotMatcher.Core.Synthetic;

/// <summary>
/// Names for a synthetic British population: forenames by sex with their common diminutives, surnames with a
/// realistic skew (a few very common, a long tail of rarer ones built from place-name parts). Ordered roughly by
/// frequency; sampling weights fall with rank, so "John Smith" happens about as often as it should.
/// </summary>
internal static class NameCatalog
{
    // "Formal diminutive diminutive…": the first word is the name given at birth, the rest what people are called.
    private static readonly string[] MaleEntries =
    [
        "David Dave Davy", "John Jack Johnny", "Michael Mike Mick", "Paul", "Andrew Andy Drew", "Mark", "James Jim Jimmy Jamie",
        "Peter Pete", "Richard Rich Rick Dick", "Robert Bob Rob Bobby", "Stephen Steve", "Christopher Chris", "Ian", "Thomas Tom Tommy",
        "Daniel Dan Danny", "Anthony Tony", "Simon", "Steven Steve", "Gary", "Kevin", "Matthew Matt", "William Bill Will Billy",
        "Martin", "Jason", "Darren", "Neil", "Lee", "Craig", "Alan Al", "Stuart Stu", "Philip Phil", "Graham", "Keith", "Colin",
        "Carl", "Wayne", "Dean", "Scott", "Adam", "Jonathan Jon Jonny", "Nicholas Nick Nicky", "Edward Ed Eddie Ted", "Kenneth Ken Kenny",
        "Brian", "Barry", "Shaun", "Ryan", "Luke", "Liam", "Benjamin Ben", "Samuel Sam", "Joseph Joe", "Charles Charlie Chas",
        "George", "Alexander Alex Alec", "Patrick Pat Paddy", "Timothy Tim", "Raymond Ray", "Ronald Ron Ronnie", "Terence Terry",
        "Gregory Greg", "Francis Frank", "Lawrence Larry", "Leonard Len Lenny", "Gerald Gerry", "Henry Harry", "Frederick Fred Freddie",
        "Alfred Alf Alfie", "Albert Bert", "Harold Harry", "Reginald Reg", "Walter Wally", "Bernard Bernie", "Derek Del", "Dennis",
        "Trevor Trev", "Vincent Vince", "Stanley Stan", "Douglas Doug", "Donald Don", "Oliver Ollie", "Jacob Jake", "Joshua Josh",
        "Nathan Nate", "Zachary Zach", "Arthur Art", "Roger", "Malcolm", "Nigel", "Clive", "Howard", "Russell", "Glenn", "Ross",
        "Jordan", "Bradley", "Connor", "Callum", "Kieran", "Declan", "Aidan", "Owen", "Rhys", "Dylan", "Gareth", "Huw", "Gavin",
        "Mohammed", "Ahmed", "Ali", "Hassan", "Imran", "Tariq", "Rajesh Raj", "Sanjay", "Amit", "Kwame", "Tomasz Tomek", "Piotr",
        "Marek", "Wilfred Wilf", "Nathaniel Nat",
    ];

    private static readonly string[] FemaleEntries =
    [
        "Susan Sue Susie", "Sarah Sally", "Karen", "Julie", "Elizabeth Liz Beth Betty", "Margaret Maggie Peggy Meg", "Helen Nell",
        "Claire", "Emma", "Nicola Nicky Nikki", "Lisa", "Michelle", "Jennifer Jen Jenny", "Deborah Debbie Deb", "Rachel",
        "Catherine Kate Katie Cathy", "Laura", "Joanne Jo", "Tracey", "Amanda Mandy", "Angela", "Patricia Pat Trish", "Christine Chris Tina",
        "Jacqueline Jackie", "Alison", "Kelly", "Donna", "Louise Lou", "Victoria Vicky", "Rebecca Becky", "Samantha Sam", "Sharon",
        "Lorraine", "Wendy", "Diane", "Janet", "Linda", "Hannah", "Sophie", "Chloe", "Lauren", "Amy", "Gemma", "Hayley",
        "Charlotte Lottie", "Zoe", "Katherine Kate Kathy", "Alexandra Alex Sandra", "Josephine Jo Josie", "Pamela Pam",
        "Barbara Barb", "Dorothy Dot", "Mary Molly", "Ann Annie", "Anne Annie", "Eleanor Ellie", "Caroline Carol Carrie",
        "Abigail Abby", "Gillian Gill Jill", "Judith Judy", "Teresa Tess", "Valerie Val", "Beverley Bev", "Kimberley Kim",
        "Jessica Jess", "Natalie Nat", "Natasha Tash", "Frances Fran", "Florence Flo", "Olivia Liv", "Isabella Bella Izzy",
        "Fatima", "Aisha", "Amina", "Priya", "Sunita", "Shabana", "Nadia", "Agnieszka Aga", "Katarzyna Kasia", "Siobhan", "Niamh",
        "Ceri", "Bethan", "Rhian", "Megan", "Kirsty", "Fiona", "Morag", "Shona", "Heather", "Jade", "Leanne", "Stacey",
        "Danielle", "Kayleigh", "Yvonne", "Paula", "Maria", "Jane", "Ruth", "Sandra", "Tina", "Andrea", "Dawn", "Denise",
    ];

    private static readonly string[] CommonSurnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
        "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker",
        "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
        "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
        "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster",
        "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer",
        "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray",
        "Dixon", "Harvey", "Graham", "Pearson", "Ahmed", "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart",
        "Elliott", "Reynolds", "Saunders", "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks", "West", "Lawrence", "Cole",
        "Atkinson", "Bradley", "Spencer", "Gill", "Dawson", "Ball", "Burton", "O'Brien", "Watts", "Rose", "Booth", "Perry",
        "Ryan", "Grant", "Wells", "Armstrong", "Francis", "Rees", "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Webster",
        "Hunter", "Gregory", "Carr", "Lowe", "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons", "Berry", "Stone", "Reid",
        "Holland", "Hawkins", "Harding", "Porter", "Robertson", "Newton", "Oliver", "Reed", "Kennedy", "Williamson", "Bird",
        "Gardner", "Shah", "Dean", "Lane", "Cooke", "Bates", "Henderson", "Parry", "Burgess", "Bishop", "Walton", "Burns",
        "Nicholson", "Shepherd", "Ross", "Cross", "Long", "Freeman", "Warren", "Nicholls", "Hamilton", "Byrne", "Sutton",
        "McDonald", "Yates", "Hodgson", "Robson", "Curtis", "Hopkins", "O'Connor", "Harper", "Coleman", "Watkins", "Moss",
        "McCarthy", "Chambers", "O'Neill", "Griffin", "Sharp", "Hardy", "Wheeler", "Potter", "Osborne", "Johnston", "Gordon",
        "Doyle", "Wallace", "George", "Jordan", "Hutchinson", "Rowe", "Burke", "May", "Pritchard", "Gilbert", "Willis",
        "Higgins", "Read", "Miles", "Stevenson", "Stephenson", "Hammond", "Arnold", "Buckley", "Walters", "Hewitt", "Barber",
        "Nelson", "Slater", "Austin", "Sullivan", "Whitehead", "Mann", "Frost", "Lambert", "Stephens", "Blake", "Akhtar",
        "Lynch", "Goodwin", "Barton", "Woodward", "Thomson", "Cunningham", "Quinn", "Barnett", "Baxter", "Bibi", "Clayton",
        "Nash", "Greenwood", "Jennings", "Holt", "Kemp", "Poole", "Gallagher", "Bond", "Stokes", "Tucker", "Davidson", "Fowler",
        "Heath", "Norman", "Middleton", "Lawson", "Banks", "French", "Stanley", "Jarvis", "Gibbs", "Ferguson", "Hayward",
        "Carroll", "Douglas", "Dickinson", "Todd", "Barlow", "Peters", "Lucas", "Knowles", "Hartley", "Miah", "Simmons",
        "Morton", "Alexander", "Field", "Morrison", "Norris", "Townsend", "Preston", "Hancock", "Thornton", "Baldwin",
        "Burrows", "Briggs", "Storey", "Pugh", "Jacobs", "Kowalski", "Nowak", "MacLeod", "Fitzgerald", "D'Souza",
    ];

    // The long tail: place-name parts, giving some 1,700 rarer surnames (Ashworth, Thornbury, Penrose…).
    private static readonly string[] TailStarts =
    [
        "Ash", "Black", "Brad", "Brook", "Church", "Cold", "Cran", "Dun", "East", "Ether", "Fair", "Farn", "Glad", "Hal",
        "Hather", "Hey", "Hol", "Kings", "Lang", "Lock", "Marl", "Mid", "Mill", "Nor", "Oak", "Pen", "Pick", "Rad", "Red",
        "Rother", "Sal", "Sher", "Shel", "Stan", "Stock", "Thorn", "Wal", "Whit", "Wind", "Ald", "Bar", "Brig", "Car", "Crom",
        "Dal", "Ed", "Gar", "Har", "Lin", "Mar", "Ros", "Tre", "Wel", "Ken", "Hamp", "Brom", "Cal",
    ];

    private static readonly string[] TailEnds =
    [
        "by", "bury", "combe", "croft", "dale", "den", "field", "ford", "gate", "ham", "hill", "hurst", "ington", "ley", "low",
        "more", "ridge", "shaw", "stone", "ton", "wick", "well", "worth", "wood", "land", "cott", "burn", "thorpe", "stead", "rose",
    ];

    /// <summary>A forename at birth and the diminutives people use for it (none for many names).</summary>
    internal sealed record Forename(string Formal, string[] Diminutives);

    private static readonly Forename[] Male = Parse(MaleEntries);
    private static readonly Forename[] Female = Parse(FemaleEntries);
    private static readonly WeightedIndex MaleWeights = WeightedIndex.FallingWithRank(Male.Length, 8);
    private static readonly WeightedIndex FemaleWeights = WeightedIndex.FallingWithRank(Female.Length, 8);
    private static readonly WeightedIndex CommonSurnameWeights = WeightedIndex.FallingWithRank(CommonSurnames.Length, 20);

    /// <summary>Share of people whose surname is one of the common ones; the rest come from the long tail.</summary>
    private const double CommonSurnameShare = 0.7;

    public static Forename PickForename(ref SyntheticRandom random, bool female)
        => female ? Female[FemaleWeights.Pick(ref random)] : Male[MaleWeights.Pick(ref random)];

    public static string PickSurname(ref SyntheticRandom random)
    {
        if (random.Chance(CommonSurnameShare))
        {
            return CommonSurnames[CommonSurnameWeights.Pick(ref random)];
        }

        return string.Concat(random.Pick(TailStarts), random.Pick(TailEnds));
    }

    private static Forename[] Parse(string[] entries)
    {
        var names = new Forename[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var words = entries[i].Split(' ');
            names[i] = new Forename(words[0], words[1..]);
        }

        return names;
    }
}
