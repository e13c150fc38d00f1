namespace LeadGrains.Domain.Leads;

/// <summary>What marketing knows about a lead: the attributes fit rules and routing rules read.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadProfile
{
    [Id(0)] public string Email { get; init; } = "";
    [Id(1)] public string? CrmId { get; init; }
    [Id(2)] public string? FirstName { get; init; }
    [Id(3)] public string? LastName { get; init; }
    [Id(4)] public string? Company { get; init; }
    [Id(5)] public string? CompanyDomain { get; init; }
    [Id(6)] public string? Title { get; init; }
    [Id(7)] public string? Industry { get; init; }
    [Id(8)] public int? Employees { get; init; }
    [Id(9)] public string? Country { get; init; }
    [Id(10)] public string? Region { get; init; }
    [Id(11)] public string? Source { get; init; }
    [Id(12)] public string? Campaign { get; init; }
    [Id(13)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(14)] public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public string EmailDomain => EmailAddress.DomainOf(Email);

    /// <summary>The domain that identifies the lead's account: the company domain, else the email's.</summary>
    public string AccountDomain => string.IsNullOrWhiteSpace(CompanyDomain) ? EmailDomain : CompanyDomain.Trim().ToLowerInvariant();

    /// <summary>
    /// Reads a field by the name rules use: <c>title</c>, <c>company</c>, <c>companyDomain</c>,
    /// <c>emailDomain</c>, <c>industry</c>, <c>employees</c>, <c>country</c>, <c>region</c>,
    /// <c>source</c>, <c>campaign</c>, <c>tags</c> (every tag), <c>attributes.&lt;key&gt;</c>.
    /// </summary>
    public IEnumerable<string> ValuesOf(string field)
    {
        if (field.StartsWith(LeadFields.AttributePrefix, StringComparison.Ordinal))
        {
            if (Attributes.TryGetValue(field[LeadFields.AttributePrefix.Length..], out var attribute))
            {
                yield return attribute;
            }
            yield break;
        }
        if (field == LeadFields.Tags)
        {
            foreach (var tag in Tags)
            {
                yield return tag;
            }
            yield break;
        }
        var value = field switch
        {
            LeadFields.Title => Title,
            LeadFields.Company => Company,
            LeadFields.CompanyDomain => CompanyDomain,
            LeadFields.EmailDomain => EmailDomain,
            LeadFields.Industry => Industry,
            LeadFields.Employees => Employees?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LeadFields.Country => Country,
            LeadFields.Region => Region,
            LeadFields.Source => Source,
            LeadFields.Campaign => Campaign,
            _ => null,
        };
        if (!string.IsNullOrWhiteSpace(value))
        {
            yield return value;
        }
    }

    /// <summary>
    /// A later capture of the same lead: what it says replaces what was known, what it leaves out
    /// is kept; tags are united and attributes merged.
    /// </summary>
    public LeadProfile MergeWith(LeadProfile update) => new()
    {
        Email = update.Email,
        CrmId = update.CrmId ?? CrmId,
        FirstName = update.FirstName ?? FirstName,
        LastName = update.LastName ?? LastName,
        Company = update.Company ?? Company,
        CompanyDomain = update.CompanyDomain ?? CompanyDomain,
        Title = update.Title ?? Title,
        Industry = update.Industry ?? Industry,
        Employees = update.Employees ?? Employees,
        Country = update.Country ?? Country,
        Region = update.Region ?? Region,
        Source = update.Source ?? Source,
        Campaign = update.Campaign ?? Campaign,
        Tags = [.. Tags.Union(update.Tags, StringComparer.OrdinalIgnoreCase)],
        Attributes = Attributes.Concat(update.Attributes)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal),
    };

    /// <summary>True when <paramref name="other"/> says nothing this profile does not already say.</summary>
    public bool SameAs(LeadProfile other) =>
        Email == other.Email && CrmId == other.CrmId && FirstName == other.FirstName && LastName == other.LastName
        && Company == other.Company && CompanyDomain == other.CompanyDomain && Title == other.Title
        && Industry == other.Industry && Employees == other.Employees && Country == other.Country
        && Region == other.Region && Source == other.Source && Campaign == other.Campaign
        && Tags.SequenceEqual(other.Tags) && Attributes.Count == other.Attributes.Count
        && Attributes.All(pair => other.Attributes.TryGetValue(pair.Key, out var value) && value == pair.Value);
}

/// <summary>The field names that fit and routing rules may name.</summary>
public static class LeadFields
{
    public const string Title = "title";
    public const string Company = "company";
    public const string CompanyDomain = "companyDomain";
    public const string EmailDomain = "emailDomain";
    public const string Industry = "industry";
    public const string Employees = "employees";
    public const string Country = "country";
    public const string Region = "region";
    public const string Source = "source";
    public const string Campaign = "campaign";
    public const string Tags = "tags";
    public const string AttributePrefix = "attributes.";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        Title, Company, CompanyDomain, EmailDomain, Industry, Employees, Country, Region, Source, Campaign, Tags,
    };

    public static bool IsKnown(string field) =>
        Known.Contains(field) || (field.StartsWith(AttributePrefix, StringComparison.Ordinal) && field.Length > AttributePrefix.Length);
}
