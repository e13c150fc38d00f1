using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Tests.Scoring;

public sealed class LeadScorerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScoringModel Model = DefaultConfig.Scoring;

    private static readonly LeadProfile GoodFit = new()
    {
        Email = "ada@bigco.com", Title = "VP of Engineering", Employees = 2500, Industry = "Software", Country = "US",
    };

    private static readonly LeadProfile PoorFit = new() { Email = "kid@gmail.com", Title = "Student" };

    private static ActivityRecord Activity(string type, DateTimeOffset at, string? id = null) => new(id ?? Guid.NewGuid().ToString("N"), type, at);

    [Fact]
    public void Fit_rules_add_their_points_once_and_explain_what_matched()
    {
        var score = LeadScorer.Score(GoodFit, [], Model, Now);

        Assert.Equal(55, score.Fit);
        Assert.Equal(0, score.Engagement);
        Assert.Contains(score.Explanation, line => line.Rule == "fit:executive_title" && line.Points == 20 && line.Detail.Contains("vp", StringComparison.Ordinal));
        Assert.Contains(score.Explanation, line => line.Rule == "fit:enterprise_company" && line.Points == 20);
    }

    [Fact]
    public void Negative_fit_rules_count_against_free_mail_and_students()
    {
        var score = LeadScorer.Score(PoorFit, [], Model, Now);

        Assert.Equal(-40, score.Fit);
        Assert.Contains(score.Explanation, line => line.Rule == "fit:free_mail" && line.Points == -15);
        Assert.Contains(score.Explanation, line => line.Rule == "fit:student" && line.Points == -25);
    }

    [Fact]
    public void Daily_cap_holds_however_many_activities_of_a_type_arrive_in_a_day()
    {
        var opens = Enumerable.Range(0, 50).Select(i => Activity(ActivityTypes.EmailOpen, Now.AddMinutes(-i))).ToList();

        var score = LeadScorer.Score(GoodFit, opens, Model, Now);

        var line = Assert.Single(score.Explanation, line => line.Rule == "engagement:email_open");
        Assert.True(line.Points <= 3, $"email_open is capped at 3 a day, got {line.Points}");
        Assert.Equal(50, line.Count);
        Assert.Equal(3, line.Counted);
    }

    [Fact]
    public void Daily_cap_resets_on_the_next_utc_day()
    {
        var day1 = Enumerable.Range(0, 5).Select(i => Activity(ActivityTypes.EmailOpen, Now.Date.AddHours(1).AddMinutes(i)));
        var day2 = Enumerable.Range(0, 5).Select(i => Activity(ActivityTypes.EmailOpen, Now.Date.AddDays(-1).AddHours(1).AddMinutes(i)));

        var score = LeadScorer.Score(GoodFit, [.. day1, .. day2], Model, Now);

        Assert.Equal(6, Assert.Single(score.Explanation, line => line.Rule == "engagement:email_open").Counted);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(14, 15)]
    [InlineData(28, 7.5)]
    [InlineData(42, 3.75)]
    public void Decay_over_simulated_days_matches_the_half_life(int days, double expected)
    {
        var demo = Activity(ActivityTypes.DemoRequest, Now);

        var score = LeadScorer.Score(GoodFit, [demo], Model, Now.AddDays(days));

        Assert.Equal((decimal)expected, score.Engagement);
    }

    [Fact]
    public void Decay_is_continuous_between_days()
    {
        var demo = Activity(ActivityTypes.DemoRequest, Now);

        var halfDay = LeadScorer.Score(GoodFit, [demo], Model, Now.AddHours(12)).Engagement;

        Assert.Equal(Math.Round(30 * (decimal)Math.Pow(0.5, 0.5 / 14), 2), halfDay);
    }

    [Fact]
    public void Poor_fit_lead_with_any_number_of_email_opens_never_meets_the_grade()
    {
        // Every allowed open on every day for a year: engagement saturates, fit stays below the minimum.
        var opens = Enumerable.Range(0, 365).SelectMany(day => Enumerable.Range(0, 20).Select(i => Activity(ActivityTypes.EmailOpen, Now.AddDays(-day).AddMinutes(-i)))).ToList();

        foreach (var profile in new[] { PoorFit, new LeadProfile { Email = "someone@acme.io" } })
        {
            var score = LeadScorer.Score(profile, opens, Model, Now);
            Assert.False(score.MeetsGrade);
            Assert.False(score.SalesReady);
        }
    }

    [Fact]
    public void Perfect_fit_without_engagement_does_not_meet_the_grade()
    {
        var perfect = GoodFit with { Title = "Chief Revenue Officer" };

        Assert.False(LeadScorer.Score(perfect, [], Model, Now).MeetsGrade);
    }

    [Fact]
    public void Demo_request_fast_tracks_and_names_itself()
    {
        var score = LeadScorer.Score(PoorFit with { Email = "x@acme.io", Title = null }, [Activity(ActivityTypes.DemoRequest, Now)], Model, Now);

        Assert.True(score.SalesReady);
        Assert.False(score.MeetsGrade);
        Assert.Equal(ActivityTypes.DemoRequest, score.FastTrackedBy);
    }

    [Fact]
    public void Competitor_domain_and_hard_bounce_disqualify()
    {
        var model = Model with { Disqualify = Model.Disqualify with { Domains = ["rival.com"] } };

        Assert.Equal("competitor_domain", LeadScorer.Score(GoodFit with { Email = "spy@rival.com" }, [], model, Now).Disqualification);
        Assert.Equal("competitor_domain", LeadScorer.Score(GoodFit with { CompanyDomain = "RIVAL.com" }, [], model, Now).Disqualification);
        Assert.Equal(ActivityTypes.HardBounce, LeadScorer.Score(GoodFit, [Activity(ActivityTypes.HardBounce, Now)], model, Now).Disqualification);
        Assert.Null(LeadScorer.Score(GoodFit, [], model, Now).Disqualification);
    }

    [Fact]
    public void Attribute_and_tag_rules_match_by_name()
    {
        var model = Model with
        {
            Fit =
            [
                new FitRule { Id = "partner", Field = "tags", EqualsAny = ["partner"], Points = 7 },
                new FitRule { Id = "crm_stack", Field = "attributes.crm", ContainsAny = ["sales"], Points = 3 },
            ],
        };
        var profile = new LeadProfile { Email = "a@b.co", Tags = ["Partner"], Attributes = new Dictionary<string, string> { ["crm"] = "Salesforce" } };

        Assert.Equal(10, LeadScorer.Score(profile, [], model, Now).Fit);
    }
}
