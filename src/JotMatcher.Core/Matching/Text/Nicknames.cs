using System.Collections.Frozen;

namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// Forename variants that mean the same person (William/Bill/Will, Margaret/Maggie/Peggy…): a fixed table of
/// common English diminutives. A name may belong to several groups (Al: Alan, Albert, Alfred).
/// </summary>
internal static class Nicknames
{
    private static readonly string[] Groups =
    [
        "william bill billy will willy willie liam",
        "robert bob bobby rob robbie bert",
        "richard dick rick ricky rich richie",
        "margaret maggie meg peggy madge marge maisie greta rita",
        "elizabeth liz lizzie beth betty bessie eliza libby lisa elsie",
        "catherine katherine kathryn kate katie kathy cathy kat kitty",
        "james jim jimmy jamie",
        "john jack johnny jon",
        "jonathan jon jonny",
        "thomas tom tommy",
        "michael mike mick mickey micky",
        "edward ed eddie ted teddy ned",
        "charles charlie chas chuck",
        "christopher chris kit",
        "christine chris chrissie tina",
        "christina chris tina",
        "anthony tony",
        "antony tony",
        "andrew andy drew",
        "alexander alex alec sandy xander",
        "alexandra alex sandra sandy lexi",
        "daniel dan danny",
        "david dave davy",
        "joseph joe joey",
        "josephine jo josie",
        "joanne jo jojo",
        "benjamin ben benny",
        "samuel sam sammy",
        "samantha sam sammy",
        "matthew matt matty",
        "nicholas nick nicky",
        "nicola nicky nikki",
        "patrick pat paddy",
        "patricia pat patsy trish tricia",
        "peter pete",
        "stephen steve stevie",
        "steven steve stevie",
        "timothy tim timmy",
        "frederick fred freddie freddy",
        "alfred alf alfie fred",
        "albert bert al alby",
        "alan al",
        "allan al",
        "henry harry hal hank",
        "harold harry hal",
        "lawrence larry laurie",
        "leonard len lenny leo",
        "kenneth ken kenny",
        "gerald gerry jerry",
        "gerard gerry",
        "raymond ray",
        "ronald ron ronnie",
        "donald don donnie",
        "douglas doug dougie",
        "terence terry",
        "gregory greg",
        "philip phil pip",
        "phillip phil",
        "francis frank frankie fran",
        "frances fran fanny frankie",
        "susan sue susie suzy",
        "suzanne sue suzy",
        "jennifer jen jenny jenni",
        "rebecca becky becca",
        "deborah debbie deb debra",
        "victoria vicky vicki tori",
        "jacqueline jackie jacqui",
        "pamela pam",
        "barbara barb babs",
        "dorothy dot dottie dolly",
        "mary molly polly mae",
        "sarah sally sadie",
        "ann annie nan nancy",
        "anne annie nan",
        "hannah annie",
        "helen nell nellie",
        "eleanor ellie nell nora elle",
        "ellen ellie nell",
        "caroline carol carrie caz",
        "carolyn carol carrie",
        "abigail abby abbie gail",
        "amanda mandy",
        "gillian gill jill gilly",
        "judith judy jude",
        "teresa terri tess tessa",
        "theresa terri tess tessa",
        "valerie val",
        "beverley bev",
        "kimberley kim",
        "jessica jess jessie",
        "natalie nat",
        "natasha tash tasha",
        "louise lou lulu",
        "lucy lou",
        "matilda tilly tilda",
        "florence flo florrie",
        "winifred winnie freda",
        "gwendolyn gwen",
        "stuart stu",
        "stewart stu",
        "nathan nate nat",
        "nathaniel nate nat",
        "zachary zach zak",
        "oliver ollie olly",
        "olivia liv livvy",
        "isabella bella izzy isabel",
        "isabel bella izzy",
        "jacob jake",
        "joshua josh",
        "reginald reg reggie",
        "vincent vince vinny",
        "wilfred wilf",
        "walter wally walt",
        "arthur art artie",
        "bernard bernie",
        "colin col",
        "derek del",
        "dennis den",
        "graham gray",
        "ian iain",
        "neil neal niall",
        "sean shaun shawn",
        "stanley stan",
        "trevor trev",
    ];

    private static readonly FrozenDictionary<string, int[]> GroupsByName = Build();

    public static bool AreVariants(string a, string b)
    {
        if (!GroupsByName.TryGetValue(a, out var ga) || !GroupsByName.TryGetValue(b, out var gb))
        {
            return false;
        }

        foreach (var x in ga)
        {
            if (Array.IndexOf(gb, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, int[]> Build()
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var name in Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                list.Add(g);
            }
        }

        return byName.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
