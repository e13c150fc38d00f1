using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;
using LeadGrains.Domain.Validation;

namespace LeadGrains.Host.Leads;

/// <summary>The limits a capture or activity must keep; anything outside them is refused whole (DESIGN §7).</summary>
public static class LeadRequestValidator
{
    public const int MaxText = 256;
    public const int MaxTags = 50;
    public const int MaxTagLength = 64;
    public const int MaxAttributes = 50;
    public const int MaxAttributeValue = 1024;
    public const int MaxEmployees = 10_000_000;
    public const int MaxEventIdLength = 128;
    public const int MaxProperties = 50;
    /// <summary>Clock skew tolerated for times a caller says lie in the future.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(5 * 365);

    public static ValidationErrors Validate(LeadCaptureRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("email", "is required.");
        }
        else
        {
            errors.AddIf(!EmailAddress.IsValid(request.Email), "email", "is not an email address.");
        }
        errors.CheckText("crmId", request.CrmId, 128);
        errors.CheckText("firstName", request.FirstName, MaxText);
        errors.CheckText("lastName", request.LastName, MaxText);
        errors.CheckText("company", request.Company, MaxText);
        errors.CheckText("companyDomain", request.CompanyDomain, 253);
        errors.CheckText("title", request.Title, MaxText);
        errors.CheckText("industry", request.Industry, MaxText);
        errors.CheckText("country", request.Country, 64);
        errors.CheckText("region", request.Region, 64);
        errors.CheckText("source", request.Source, 128);
        errors.CheckText("campaign", request.Campaign, 128);
        errors.AddIf(request.Employees is < 0 or > MaxEmployees, "employees", $"must be between 0 and {MaxEmployees}.");
        if (request.Tags is { } tags)
        {
            errors.AddIf(tags.Count > MaxTags, "tags", $"at most {MaxTags} tags.");
            for (var i = 0; i < Math.Min(tags.Count, MaxTags); i++)
            {
                errors.CheckText($"tags[{i}]", tags[i], MaxTagLength, required: true);
            }
        }
        if (request.Attributes is { } attributes)
        {
            errors.AddIf(attributes.Count > MaxAttributes, "attributes", $"at most {MaxAttributes} attributes.");
            foreach (var (key, value) in attributes.Take(MaxAttributes))
            {
                errors.AddIf(string.IsNullOrWhiteSpace(key) || key.Length > MaxTagLength, "attributes", $"keys are 1-{MaxTagLength} characters.");
                errors.CheckText($"attributes.{key}", value, MaxAttributeValue, required: true);
            }
        }
        CheckTime(errors, "capturedAt", request.CapturedAt, now);
        return errors;
    }

    public static ValidationErrors Validate(ActivityRequest request, ScoringModel model, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.CheckText("eventId", request.EventId, MaxEventIdLength, required: true);
        if (string.IsNullOrWhiteSpace(request.Type))
        {
            errors.Add("type", "is required.");
        }
        else
        {
            errors.AddIf(!model.Activities.ContainsKey(request.Type), "type",
                $"'{Truncate(request.Type)}' is not a configured activity type ({string.Join(", ", model.Activities.Keys.Order(StringComparer.Ordinal))}).");
        }
        CheckTime(errors, "occurredAt", request.OccurredAt, now);
        errors.AddIf(request.Properties?.Count > MaxProperties, "properties", $"at most {MaxProperties} properties.");
        return errors;
    }

    private static void CheckTime(ValidationErrors errors, string path, DateTimeOffset? at, DateTimeOffset now)
    {
        errors.AddIf(at > now + MaxSkew, path, "must not lie in the future.");
        errors.AddIf(at < now - MaxAge, path, "is too far in the past.");
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
