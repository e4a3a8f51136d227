using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Explanation;

namespace JotMatcher.Core.Tests.Matching;

public sealed class EvidenceWaterfallTests
{
    [Test]
    public void Fields_stored_in_file_order_come_back_in_matcher_order_with_running_totals()
    {
        // evidence.csv sorts by field name; the waterfall starts at the prior and follows the matcher's field order.
        FieldEvidence[] stored =
        [
            new("date_of_birth", "exact", 14),
            new("forenames", "nickname", 3),
            new("nino", "missing", 0),
            new("postcode", "sector", 6),
            new("prior", "prior", -16),
            new("sex", "agree", 1),
            new("surname", "exact", 8),
        ];
        var steps = EvidenceWaterfall.Steps(stored);
        Assert.That(steps.Select(s => (s.Field, s.RunningTotal)), Is.EqualTo(new[]
        {
            ("prior", -16.0), ("nino", -16.0), ("surname", -8.0), ("forenames", -5.0), ("date_of_birth", 9.0), ("postcode", 15.0), ("sex", 16.0),
        }));
    }

    [Test]
    public void The_text_ends_with_the_probability_the_weights_give()
    {
        var text = EvidenceWaterfall.Format(new PairExplanation("H1", "C1", "review", null, 0.5, "reason near_tie",
            [new("prior", "prior", -10), new("surname", "exact", 10)]));
        Assert.That(text, Does.StartWith("H1 / C1: review, pass -, score 0.5000, reason near_tie\n"));
        Assert.That(text, Does.EndWith("  match weight 0.0000 bits: probability 0.5000\n"));
    }
}
