using JotMatcher.Core.Records;

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// Draws a person's spells and jobs across performance years 2006-07 and 2007-08 (and the months around them):
/// jobs inside the attribution window and on its edges, just outside it, long after, before any claim, while
/// claiming; quick returns to JSA that cost the sustainment premium; spells that stay open; customers who never
/// work; and, for people who are not customers, jobs only. Everything HMRC would not yet know at the as-of date
/// (a spell not yet begun, a job notified later) is left out, as it would be from a real extract.
/// </summary>
internal static class LifeHistoryBuilder
{
    private static readonly int EarliestClaimStart = new DateOnly(2005, 4, 1).DayNumber;
    private static readonly int LatestFirstClaimStart = new DateOnly(2008, 2, 29).DayNumber;
    private static readonly int EarliestOtherJob = new DateOnly(2006, 1, 1).DayNumber;

    // SPEC §4 bundled rule sets: window 14 days before claim_end, 91 after; 182-day JSA spells; 28-day sustainment.
    // The builder only aims at these edges; the oracle reads the real values from the rule sets.
    private const int WindowBefore = 14;
    private const int WindowAfter = 91;

    public static LifeHistory Build(ref SyntheticRandom random, SyntheticPerson person, int asOf)
    {
        var history = new LifeHistory();
        if (person.IsCustomer)
        {
            AddClaimsAndJobs(ref random, person, asOf, history);
        }
        else
        {
            AddJobsOfNonCustomer(ref random, asOf, history);
        }

        return history;
    }

    private static void AddClaimsAndJobs(ref SyntheticRandom random, SyntheticPerson person, int asOf, LifeHistory history)
    {
        var start = random.Between(EarliestClaimStart, LatestFirstClaimStart);
        var primary = PickBenefit(ref random);
        var loneParent = person.Female ? random.Chance(0.12) : random.Chance(0.01);
        var hasChildren = loneParent || random.Chance(0.3);

        // A previous job, before the first claim: matched, but no outcome.
        if (random.Chance(0.08))
        {
            AddJob(ref random, history, start - random.Between(30, 500), asOf);
        }

        for (var spellNumber = 0; start <= asOf && spellNumber < 6; spellNumber++)
        {
            var benefit = spellNumber == 0 || random.Chance(0.7) ? primary : PickBenefit(ref random);
            var duration = Duration(ref random, benefit);
            var end = start + duration;
            var open = end > asOf;
            var spell = MakeSpell(ref random, person, start, open ? -1 : end, benefit, loneParent, hasChildren);
            history.Spells.Add(spell);

            // Working while claiming: a job that started while the spell ran, well before it ended.
            if (random.Chance(0.05))
            {
                var last = open ? asOf : end - WindowBefore - 1;
                if (last >= start)
                {
                    AddJob(ref random, history, random.Between(start, last), asOf);
                }
            }

            if (open)
            {
                break;
            }

            var job = AddJobAfterSpell(ref random, history, benefit, end, asOf);
            if (!random.Chance(0.5))
            {
                break;
            }

            start = NextSpellStart(ref random, benefit, end, job);
        }
    }

    /// <summary>The job that ended a spell (or came later), as a day number; -1 if there was none.</summary>
    private static int AddJobAfterSpell(ref SyntheticRandom random, LifeHistory history, Benefit benefit, int end, int asOf)
    {
        var intoWork = benefit switch
        {
            Benefit.Jsa => 0.72,
            Benefit.None => 0.62,
            _ => 0.5,
        };

        var u = random.NextDouble();
        if (u < intoWork)
        {
            var job = AddJob(ref random, history, end + WindowOffset(ref random), asOf);

            // Two jobs in one spell's window: the earlier start is the outcome, the later is matched without points.
            if (random.Chance(0.03))
            {
                AddJob(ref random, history, Math.Min(job + random.Between(1, 60), end + WindowAfter), asOf);
            }

            return job;
        }

        return u < intoWork + 0.15 ? AddJob(ref random, history, end + random.Between(WindowAfter + 1, 400), asOf) : -1;
    }

    /// <summary>Days from claim_end to the job start: mostly soon after, sometimes on or just past the window's edges.</summary>
    private static int WindowOffset(ref SyntheticRandom random)
    {
        var u = random.NextDouble();
        return u switch
        {
            < 0.80 => random.Between(-7, 35),
            < 0.92 => random.Between(-WindowBefore, WindowAfter),
            < 0.95 => random.Chance(0.5) ? -WindowBefore : WindowAfter,
            < 0.975 => -WindowBefore - random.Between(1, 6),
            _ => WindowAfter + random.Between(1, 6),
        };
    }

    private static int NextSpellStart(ref SyntheticRandom random, Benefit benefit, int end, int job)
    {
        // A quick return to JSA after a job: the sustainment premium is lost (and at exactly 28 or 29 days, only just).
        if (job >= 0 && benefit == Benefit.Jsa && random.Chance(0.10))
        {
            var back = job + (random.Chance(0.1) ? random.Between(28, 29) : random.Between(1, 27));
            return Math.Max(back, end + 1);
        }

        return Math.Max(end, job) + random.Between(14, 450);
    }

    private static void AddJobsOfNonCustomer(ref SyntheticRandom random, int asOf, LifeHistory history)
    {
        var u = random.NextDouble();
        var jobs = u < 0.10 ? 0 : u < 0.65 ? 1 : u < 0.90 ? 2 : 3;
        for (var i = 0; i < jobs; i++)
        {
            AddJob(ref random, history, random.Between(EarliestOtherJob, asOf), asOf);
        }
    }

    /// <summary>Adds a job unless HMRC would not know of it by the as-of date; a start date already taken moves a day on.</summary>
    private static int AddJob(ref SyntheticRandom random, LifeHistory history, int start, int asOf)
    {
        for (var i = 0; i < history.Jobs.Count; i++)
        {
            if (history.Jobs[i].Start == start)
            {
                start++;
                i = -1;
            }
        }

        // Employers notify weeks to months late.
        var u = random.NextDouble();
        var lag = u < 0.6 ? random.Between(3, 45) : u < 0.9 ? random.Between(46, 120) : random.Between(121, 200);
        var notified = start + lag;
        if (notified <= asOf)
        {
            history.Jobs.Add(new TrueJob(start, notified, PlaceCatalog.EmployerRef(ref random)));
        }

        return start;
    }

    private static Benefit PickBenefit(ref SyntheticRandom random)
    {
        var u = random.NextDouble();
        return u switch
        {
            < 0.55 => Benefit.Jsa,
            < 0.65 => Benefit.Is,
            < 0.73 => Benefit.Ib,
            < 0.76 => Benefit.Esa,
            < 0.78 => Benefit.Sda,
            < 0.81 => Benefit.Ca,
            _ => Benefit.None,
        };
    }

    private static int Duration(ref SyntheticRandom random, Benefit benefit) => benefit switch
    {
        // About a quarter of JSA spells reach 182 days (priority group 2); a few land on the boundary itself.
        Benefit.Jsa => random.Chance(0.03) ? random.Between(181, 183) : 7 + random.Exponential(120),
        Benefit.None => 14 + random.Exponential(100),
        _ => 30 + random.Exponential(300),
    };

    private static TrueSpell MakeSpell(
        ref SyntheticRandom random, SyntheticPerson person, int start, int end, Benefit benefit, bool loneParent, bool hasChildren)
    {
        var age = (DateOnly.FromDayNumber(start).Year - person.DateOfBirth.Year);
        var onIs = benefit == Benefit.Is;
        var lone = loneParent && (onIs || random.Chance(0.3));
        var disabled = benefit is Benefit.Ib or Benefit.Esa or Benefit.Sda ? random.Chance(0.8) : random.Chance(0.05);
        var employed = benefit == Benefit.None && random.Chance(0.4);
        var programme = PickProgramme(ref random, benefit, age, lone, disabled);
        return new TrueSpell(start, end, benefit, employed, lone, disabled, hasChildren, programme);
    }

    private static Programme PickProgramme(ref SyntheticRandom random, Benefit benefit, int age, bool loneParent, bool disabled)
    {
        if (loneParent && random.Chance(0.3))
        {
            return Programme.NdLp;
        }

        if (disabled && random.Chance(0.2))
        {
            return Programme.NdDp;
        }

        if (benefit != Benefit.Jsa)
        {
            return Programme.None;
        }

        var u = random.NextDouble();
        return u switch
        {
            < 0.03 => Programme.Ez,
            < 0.15 when age < 25 => Programme.NdYp,
            < 0.12 when age >= 50 => Programme.Nd50Plus,
            < 0.10 when age >= 25 => Programme.Nd25Plus,
            _ => Programme.None,
        };
    }
}
