using System.Text.Json;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Host.Leads;

/// <summary>A lead capture on the wire (DESIGN §8). Everything is optional to the parser so that validation can name what is missing.</summary>
public sealed record LeadCaptureRequest
{
    public string? Email { get; init; }
    public string? CrmId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? CompanyDomain { get; init; }
    public string? Title { get; init; }
    public string? Industry { get; init; }
    public int? Employees { get; init; }
    public string? Country { get; init; }
    public string? Region { get; init; }
    public string? Source { get; init; }
    public string? Campaign { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    public DateTimeOffset? CapturedAt { get; init; }

    public LeadProfile ToProfile() => new()
    {
        Email = Email!.Trim(),
        CrmId = Clean(CrmId),
        FirstName = Clean(FirstName),
        LastName = Clean(LastName),
        Company = Clean(Company),
        CompanyDomain = Clean(CompanyDomain)?.ToLowerInvariant(),
        Title = Clean(Title),
        Industry = Clean(Industry),
        Employees = Employees,
        Country = Clean(Country),
        Region = Clean(Region),
        Source = Clean(Source),
        Campaign = Clean(Campaign),
        Tags = [.. (Tags ?? []).Select(tag => tag.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
        Attributes = (Attributes ?? new Dictionary<string, string>()).ToDictionary(pair => pair.Key.Trim(), pair => pair.Value.Trim(), StringComparer.Ordinal),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>An engagement activity on the wire: <c>eventId</c> makes it idempotent.</summary>
public sealed record ActivityRequest
{
    public string? EventId { get; init; }
    public string? Type { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }
}
