using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Configuration;

/// <summary>
/// The model the engine ships so that it works out of the box (DESIGN §2): B2B fit on seniority,
/// company size, industry and country; free mail and students count against; engagement weighted
/// by intent, capped per day so that a bot cannot inflate a score; a two-week half-life.
/// </summary>
public static class DefaultConfig
{
    public static EngineConfig Create() => new()
    {
        Version = 1,
        Scoring = Scoring,
        Routing = new RoutingConfig { Pools = [new PoolRule { Id = "default" }], AccountMatch = true },
        Sla = new SlaConfig
        {
            Stall = new Dictionary<string, TimeSpan>
            {
                ["qualifying"] = TimeSpan.FromDays(3),
                ["assigned"] = TimeSpan.FromDays(2),
                ["working"] = TimeSpan.FromDays(14),
                ["opportunity"] = TimeSpan.FromDays(60),
            },
        },
    };

    public static ScoringModel Scoring { get; } = new()
    {
        Fit =
        [
            new FitRule { Id = "executive_title", Field = LeadFields.Title, ContainsAny = ["chief", "ceo", "cto", "cfo", "coo", "cmo", "cro", "vp", "vice president", "head of", "director"], Points = 20 },
            new FitRule { Id = "manager_title", Field = LeadFields.Title, ContainsAny = ["manager", "lead", "principal"], Points = 10 },
            new FitRule { Id = "enterprise_company", Field = LeadFields.Employees, Min = 1000, Points = 20 },
            new FitRule { Id = "midmarket_company", Field = LeadFields.Employees, Min = 100, Max = 999, Points = 15 },
            new FitRule { Id = "small_company", Field = LeadFields.Employees, Min = 20, Max = 99, Points = 5 },
            new FitRule { Id = "target_industry", Field = LeadFields.Industry, EqualsAny = ["software", "financial services", "healthcare", "manufacturing", "retail", "telecommunications"], Points = 10 },
            new FitRule { Id = "served_country", Field = LeadFields.Country, EqualsAny = ["US", "CA", "GB", "IE", "DE", "FR", "NL", "SE", "AU"], Points = 5 },
            new FitRule { Id = "free_mail", Field = LeadFields.EmailDomain, EqualsAny = ["gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "aol.com", "icloud.com", "gmx.de", "proton.me", "protonmail.com"], Points = -15 },
            new FitRule { Id = "student", Field = LeadFields.Title, ContainsAny = ["student", "intern"], Points = -25 },
        ],
        Activities = new Dictionary<string, ActivityRule>
        {
            [ActivityTypes.PageView] = new() { Points = 1, DailyCap = 5 },
            [ActivityTypes.PricingPageView] = new() { Points = 5, DailyCap = 10 },
            [ActivityTypes.EmailOpen] = new() { Points = 1, DailyCap = 3 },
            [ActivityTypes.EmailClick] = new() { Points = 3, DailyCap = 9 },
            [ActivityTypes.FormSubmit] = new() { Points = 10, DailyCap = 20 },
            [ActivityTypes.ContentDownload] = new() { Points = 8, DailyCap = 16 },
            [ActivityTypes.WebinarAttended] = new() { Points = 15, DailyCap = 15 },
            [ActivityTypes.DemoRequest] = new() { Points = 30, DailyCap = 30 },
            [ActivityTypes.Unsubscribe] = new() { Points = -10 },
            [ActivityTypes.HardBounce] = new() { Points = 0 },
        },
        HalfLife = TimeSpan.FromDays(14),
        SalesReady = new SalesReadyGrade { Threshold = 60, MinFit = 20, MinEngagement = 15 },
        FastTrack = [ActivityTypes.DemoRequest],
        Disqualify = new Disqualifiers { Domains = [], Activities = [ActivityTypes.HardBounce] },
    };
}
