using System.Globalization;

namespace LeadGrains.LoadTest.Workloads;

/// <summary>
/// Leads shaped like a B2B inbound mix under the shipped scoring model (DefaultConfig): three in ten a strong fit
/// (executive, enterprise, target industry, served country: fit 55, sales-ready after a webinar or a demo request),
/// three a middling fit (40), three a weak fit (5, never sales-ready without a hand-raise) and one a student on free
/// mail. Five leads share each company domain, so account match has accounts to find. The run tag keeps the emails and
/// event ids of one run apart from any earlier run against the same host.
/// </summary>
public sealed class LeadProfiles(string runTag)
{
    private static readonly string[] Sources = ["webinar", "paid_search", "organic", "event", "partner"];
    private static readonly (string Type, int Weight)[] ActivityMix =
    [
        ("page_view", 45), ("email_open", 25), ("email_click", 12), ("pricing_page_view", 6),
        ("content_download", 6), ("form_submit", 4), ("webinar_attended", 2),
    ];
    private static readonly int ActivityWeights = ActivityMix.Sum(entry => entry.Weight);

    private long _events;

    public string RunTag => runTag;

    public string Email(long i) => i % 10 == 9
        ? string.Create(CultureInfo.InvariantCulture, $"lead{i}.{runTag}@gmail.com")
        : string.Create(CultureInfo.InvariantCulture, $"lead{i}.{runTag}@{Domain(i)}");

    /// <summary>A capture body; with <paramref name="ndjson"/> the <c>kind</c> field of an ingest line leads it.</summary>
    public string Capture(long i, bool ndjson = false)
    {
        var (title, employees, industry, country) = (i % 10) switch
        {
            < 3 => ("VP Engineering", 1200, "Software", "US"),
            < 6 => ("Marketing Manager", 250, "Retail", "GB"),
            < 9 => ("Analyst", 40, "Education", "BR"),
            _ => ("Student", 1, "Education", "IN"),
        };
        var kind = ndjson ? "\"kind\":\"capture\"," : "";
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{{{kind}}"email":"{{Email(i)}}","firstName":"Lead","lastName":"N{{i}}","company":"Company {{i / 5}}","companyDomain":"{{Domain(i)}}","title":"{{title}}","employees":{{employees}},"industry":"{{industry}}","country":"{{country}}","source":"{{Sources[i % Sources.Length]}}","campaign":"campaign-{{i % 12}}","tags":["benchmark"]}""");
    }

    /// <summary>An activity body with a new event id and a type drawn from the engagement mix (mostly page views and opens).</summary>
    public string Activity(string? type = null) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"eventId":"{{NextEventId()}}","type":"{{type ?? NextActivityType()}}"}""");

    /// <summary>An NDJSON activity line naming its lead by email, as a marketing-automation export does.</summary>
    public string ActivityLine(long i) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"kind":"activity","email":"{{Email(i)}}","eventId":"{{NextEventId()}}","type":"{{NextActivityType()}}"}""");

    private string NextEventId() => string.Create(CultureInfo.InvariantCulture, $"{runTag}-{Interlocked.Increment(ref _events)}");

    private static string NextActivityType()
    {
        var draw = Random.Shared.Next(ActivityWeights);
        foreach (var (type, weight) in ActivityMix)
        {
            if ((draw -= weight) < 0)
            {
                return type;
            }
        }
        return ActivityMix[0].Type;
    }

    private string Domain(long i) => string.Create(CultureInfo.InvariantCulture, $"co{i / 5}-{runTag}.example");
}
