using LeadGrains.Domain.Leads;
using LeadGrains.Host.Leads;

namespace LeadGrains.Host.Demo;

/// <summary>How a synthetic lead behaves: decides which engagement it shows.</summary>
public enum DemoIntent
{
    /// <summary>Asks for a demo: fast-tracked to sales with high priority.</summary>
    HandRaiser,
    /// <summary>Compares vendors: pricing, webinars, downloads; often becomes sales-ready.</summary>
    Evaluator,
    /// <summary>Reads the blog and opens newsletters; rarely sales-ready.</summary>
    Browser,
    /// <summary>Opens a mail now and then, sometimes unsubscribes.</summary>
    Dormant,
    /// <summary>Its address bounces: disqualified.</summary>
    Bouncing,
}

/// <param name="Neglected">The first rep never touches it, so the first-touch SLA breaches and it is reassigned.</param>
public sealed record SyntheticLead(LeadCaptureRequest Capture, DemoIntent Intent, bool Neglected);

/// <summary>
/// The pure, seeded source of demo traffic: captures with realistic profiles, engagement by intent,
/// and the sales actions a rep takes on a lead in a given stage. Everything it returns is a wire
/// request, so demo mode goes through the API's own validation. Captures come from a random stream
/// of their own, so the n-th lead of a seed is the same whatever happened in between; engagement and
/// sales decisions depend on what the engine answered, so a run repeats given the same timing.
/// </summary>
public sealed class SyntheticFunnel(int seed, double leadsPerSecond = 2, string run = "0")
{
    /// <summary>Longest stretch of time caught up in one step, so a paused process does not come back with a burst.</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(10);

    private readonly Random _profiles = new(seed);
    // A second stream from the same seed (not HashCode, which differs per process).
    private readonly Random _behaviour = new(unchecked((seed * 1_000_003) ^ 0x5DEECE6));
    private double _owed;
    private long _leads;
    private long _events;

    public long LeadsGenerated => _leads;

    /// <summary>How many leads to capture for <paramref name="elapsed"/> of business time, carrying fractions over.</summary>
    public int LeadsDue(TimeSpan elapsed)
    {
        var seconds = Math.Clamp(elapsed.TotalSeconds, 0, MaxCatchUp.TotalSeconds);
        _owed += seconds * leadsPerSecond;
        var due = (int)Math.Floor(_owed);
        _owed -= due;
        return due;
    }

    public SyntheticLead NextLead()
    {
        var number = ++_leads;
        var first = Pick(_profiles, DemoCatalog.FirstNames);
        var last = Pick(_profiles, DemoCatalog.LastNames);
        var company = Pick(_profiles, DemoCatalog.Companies);
        var market = Weighted(_profiles, DemoCatalog.Markets, market => market.Weight);
        var channel = Weighted(_profiles, DemoCatalog.Channels, channel => channel.Weight);
        var campaign = Pick(_profiles, channel.Campaigns);
        var kind = _profiles.NextDouble();
        var local = $"{first}.{last}".ToLowerInvariant();
        var capture = new LeadCaptureRequest
        {
            FirstName = first,
            LastName = last,
            Company = company.Name,
            CompanyDomain = company.Domain,
            Title = Weighted(_profiles, DemoCatalog.Titles, title => title.Weight).Title,
            Industry = company.Industry,
            Employees = company.Employees,
            Country = market.Country,
            // Forms often leave the region out: such EMEA and APAC leads fall through to the catch-all pool.
            Region = _profiles.NextDouble() < 0.15 ? null : market.Region,
            Source = channel.Source,
            Campaign = campaign.Length == 0 ? null : campaign,
            CrmId = _profiles.NextDouble() < 0.25 ? $"00Q{seed & 0xFFFF:X4}{number:D9}" : null,
            Tags = [.. Enumerable.Range(0, _profiles.Next(0, 3)).Select(_ => Pick(_profiles, DemoCatalog.Tags)).Distinct(StringComparer.Ordinal)],
            Attributes = _profiles.NextDouble() < 0.6
                ? new Dictionary<string, string> { ["product_interest"] = Pick(_profiles, DemoCatalog.Products) }
                : null,
            Email = $"{local}@{company.Domain}",
        };
        capture = kind switch
        {
            < 0.02 => capture with
            {
                Email = $"{local}@{DemoCatalog.CompetitorDomains[0]}", Company = "RivalGrains", CompanyDomain = DemoCatalog.CompetitorDomains[0],
                Industry = "Software", Employees = 250,
            },
            < 0.06 => capture with
            {
                Email = $"{local}@{Pick(_profiles, DemoCatalog.StudentDomains)}", Title = Pick(_profiles, DemoCatalog.StudentTitles),
                Company = "University", CompanyDomain = null, Industry = "Education", Employees = null,
            },
            < 0.16 => capture with
            {
                Email = $"{local.Replace(".", "", StringComparison.Ordinal)}{_profiles.Next(1, 100)}@{Pick(_profiles, DemoCatalog.FreeMailDomains)}",
                CompanyDomain = _profiles.NextDouble() < 0.5 ? company.Domain : null,
            },
            _ => capture,
        };
        var intent = WeightedIntent(_profiles.NextDouble());
        return new SyntheticLead(capture, intent, Neglected: _profiles.NextDouble() < 0.15);
    }

    /// <summary>The next engagement of a lead with <paramref name="intent"/>.</summary>
    public ActivityRequest NextActivity(DemoIntent intent) => new()
    {
        EventId = NextEventId("a"),
        Type = Weighted(_behaviour, ActivityMix(intent), pair => pair.Weight).Type,
    };

    /// <summary>How many activities the visit that captured a lead brings: buyers look around more.</summary>
    public int FirstVisitLength(DemoIntent intent) => intent switch
    {
        DemoIntent.HandRaiser or DemoIntent.Evaluator => _behaviour.Next(2, 5),
        DemoIntent.Bouncing => 1,
        _ => _behaviour.Next(1, 3),
    };

    public bool Chance(double probability) => _behaviour.NextDouble() < probability;

    /// <summary>An index into leads kept oldest first, favouring recent ones: interest fades after a visit.</summary>
    public int PickRecent(int count)
    {
        var back = _behaviour.NextDouble();
        return count - 1 - (int)(back * back * count);
    }

    /// <summary>
    /// What the owning rep does with a lead in <paramref name="stage"/> now, or null for nothing yet. A neglected
    /// lead is left untouched by its first rep; after a breach the next rep works it like any other.
    /// </summary>
    public SalesActionRequest? NextSalesAction(SyntheticLead lead, LeadStage stage, string? ownerRepId, int breaches)
    {
        if (ownerRepId is null || (lead.Neglected && breaches == 0))
        {
            return null;
        }
        var roll = _behaviour.NextDouble();
        (string Action, string? Reason, decimal? Amount)? choice = stage switch
        {
            LeadStage.Qualifying => roll switch
            {
                < 0.6 => ("qualify", null, null),
                < 0.7 => ("disqualify", "not a fit", null),
                _ => null,
            },
            LeadStage.Assigned => roll switch
            {
                < 0.6 => ("contacted", null, null),
                < 0.67 => ("reject", Pick(_behaviour, DemoCatalog.RejectReasons), null),
                < 0.71 => ("return_to_marketing", Pick(_behaviour, DemoCatalog.ReturnReasons), null),
                < 0.74 => ("opportunity", null, null),
                _ => null,
            },
            LeadStage.Working => roll switch
            {
                < 0.3 => ("opportunity", null, null),
                < 0.42 => ("lost", Pick(_behaviour, DemoCatalog.LostReasons), null),
                < 0.46 => ("return_to_marketing", Pick(_behaviour, DemoCatalog.ReturnReasons), null),
                _ => null,
            },
            LeadStage.Opportunity => roll switch
            {
                < 0.3 => ("won", null, DealSize(lead.Capture.Employees)),
                < 0.55 => ("lost", Pick(_behaviour, DemoCatalog.LostReasons), null),
                _ => null,
            },
            _ => null,
        };
        return choice is { } chosen
            ? new SalesActionRequest { EventId = NextEventId("s"), Action = chosen.Action, RepId = ownerRepId, Reason = chosen.Reason, Amount = chosen.Amount }
            : null;
    }

    /// <summary>Annual contract value by company size, rounded to 500 as deals are quoted.</summary>
    private decimal DealSize(int? employees)
    {
        var (low, high) = employees switch
        {
            >= 1000 => (60_000, 400_000),
            >= 100 => (15_000, 90_000),
            _ => (4_000, 20_000),
        };
        return Math.Round(_behaviour.Next(low, high) / 500m) * 500m;
    }

    private static DemoIntent WeightedIntent(double roll) => roll switch
    {
        < 0.07 => DemoIntent.HandRaiser,
        < 0.40 => DemoIntent.Evaluator,
        < 0.85 => DemoIntent.Browser,
        < 0.98 => DemoIntent.Dormant,
        _ => DemoIntent.Bouncing,
    };

    private static (string Type, int Weight)[] ActivityMix(DemoIntent intent) => intent switch
    {
        DemoIntent.HandRaiser => HandRaiserMix,
        DemoIntent.Evaluator => EvaluatorMix,
        DemoIntent.Browser => BrowserMix,
        DemoIntent.Dormant => DormantMix,
        _ => BouncingMix,
    };

    private static readonly (string Type, int Weight)[] HandRaiserMix =
    [
        (ActivityTypes.DemoRequest, 45), (ActivityTypes.PricingPageView, 20), (ActivityTypes.PageView, 15), (ActivityTypes.EmailClick, 10),
        (ActivityTypes.WebinarAttended, 5), (ActivityTypes.ContentDownload, 5),
    ];

    private static readonly (string Type, int Weight)[] EvaluatorMix =
    [
        (ActivityTypes.PageView, 24), (ActivityTypes.PricingPageView, 20), (ActivityTypes.EmailClick, 16), (ActivityTypes.ContentDownload, 15),
        (ActivityTypes.WebinarAttended, 12), (ActivityTypes.FormSubmit, 6), (ActivityTypes.EmailOpen, 5), (ActivityTypes.DemoRequest, 2),
    ];

    private static readonly (string Type, int Weight)[] BrowserMix =
    [
        (ActivityTypes.PageView, 40), (ActivityTypes.EmailOpen, 30), (ActivityTypes.EmailClick, 15), (ActivityTypes.ContentDownload, 8),
        (ActivityTypes.PricingPageView, 5), (ActivityTypes.Unsubscribe, 2),
    ];

    private static readonly (string Type, int Weight)[] DormantMix =
        [(ActivityTypes.EmailOpen, 70), (ActivityTypes.PageView, 12), (ActivityTypes.Unsubscribe, 18)];

    private static readonly (string Type, int Weight)[] BouncingMix = [(ActivityTypes.HardBounce, 1)];

    private string NextEventId(string kind) => $"demo-{run}-{kind}{++_events}";

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static T Weighted<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }
        return items[^1];
    }
}
