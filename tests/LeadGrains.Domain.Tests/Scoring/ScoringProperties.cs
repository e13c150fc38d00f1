using CsCheck;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Tests.Scoring;

/// <summary>Invariants of scoring over generated leads and engagement histories.</summary>
public sealed class ScoringProperties
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Types = [.. DefaultConfig.Scoring.Activities.Keys];

    private static readonly Gen<LeadProfile> Profiles =
        Gen.Select(
            Gen.OneOf("ada@bigco.com", "kid@gmail.com", "x@acme.io"),
            Gen.OneOf<string?>(null, "VP Sales", "Student", "Marketing Manager", "Head of IT"),
            Gen.Int[0, 20_000].Nullable(),
            Gen.OneOf<string?>(null, "Software", "Retail", "Mining"),
            Gen.OneOf<string?>(null, "US", "DE", "BR"))
        .Select((email, title, employees, industry, country) => new LeadProfile
        {
            Email = email, Title = title, Employees = employees, Industry = industry, Country = country,
        });

    private static readonly Gen<List<ActivityRecord>> Histories =
        Gen.Select(Gen.OneOf(Types), Gen.Int[0, 60 * 24 * 90])
            .Select((type, minutesAgo) => (type, minutesAgo))
            .List[0, 80]
            .Select(items => items.Select((item, i) => new ActivityRecord($"e{i}", item.type, Now.AddMinutes(-item.minutesAgo))).ToList());

    [Fact]
    public void Explanation_sums_to_the_score()
    {
        Gen.Select(Profiles, Histories).Sample((profile, history) =>
        {
            var score = LeadScorer.Score(profile, history, DefaultConfig.Scoring, Now);
            return score.Explanation.Sum(line => line.Points) == score.Total
                && score.Fit + score.Engagement == score.Total
                && score.Explanation.Where(line => line.Kind == LeadScorer.FitKind).Sum(line => line.Points) == score.Fit;
        });
    }

    [Fact]
    public void Events_arriving_out_of_order_give_the_same_score_as_in_order()
    {
        Gen.Select(Profiles, Histories, Gen.Int).Sample((profile, history, seed) =>
        {
            var shuffled = history.ToList();
            new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
            var inOrder = LeadScorer.Score(profile, history, DefaultConfig.Scoring, Now);
            var outOfOrder = LeadScorer.Score(profile, shuffled, DefaultConfig.Scoring, Now);
            return inOrder.Total == outOfOrder.Total
                && inOrder.Explanation.SequenceEqual(outOfOrder.Explanation, ContributionComparer.Instance);
        });
    }

    [Fact]
    public void A_score_never_grows_as_time_passes_without_new_engagement()
    {
        Gen.Select(Profiles, Histories, Gen.Int[1, 60 * 24 * 30]).Sample((profile, history, minutes) =>
        {
            var positiveOnly = history.Where(activity => DefaultConfig.Scoring.Activities[activity.Type].Points >= 0).ToList();
            var before = LeadScorer.Score(profile, positiveOnly, DefaultConfig.Scoring, Now);
            var after = LeadScorer.Score(profile, positiveOnly, DefaultConfig.Scoring, Now.AddMinutes(minutes));
            // Each line rounds once, so a line may move by at most half a hundredth either way.
            return after.Engagement <= before.Engagement + (0.005m * before.Explanation.Count);
        });
    }

    private sealed class ContributionComparer : IEqualityComparer<ScoreContribution>
    {
        public static readonly ContributionComparer Instance = new();

        public bool Equals(ScoreContribution? x, ScoreContribution? y) =>
            x is not null && y is not null && x.Rule == y.Rule && x.Points == y.Points && x.Count == y.Count && x.Counted == y.Counted;

        public int GetHashCode(ScoreContribution obj) => obj.Rule.GetHashCode(StringComparison.Ordinal);
    }
}
