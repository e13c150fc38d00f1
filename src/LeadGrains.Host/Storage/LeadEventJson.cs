using System.Text.Json;
using System.Text.Json.Serialization;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Simulation;

namespace LeadGrains.Host.Storage;

/// <summary>
/// The <c>payload</c> of a <c>leadgrains_events</c> row: the input as the API took it, in the API's JSON
/// spelling (camelCase, snake_case enum values), so that the table reads well in SQL too.
/// </summary>
public static class LeadEventJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Payload(LeadEvent leadEvent) => leadEvent switch
    {
        { Profile: { } profile } => JsonSerializer.Serialize(new CapturePayload(profile, leadEvent.CapturedAt), Options),
        { Activity: { } activity } => JsonSerializer.Serialize(activity, Options),
        { SalesAction: { } action } => JsonSerializer.Serialize(action, Options),
        _ => "{}",
    };

    /// <summary>Null for a kind this build does not know (written by a newer one): the replay skips it.</summary>
    public static LeadEvent? Read(string leadId, string kind, DateTimeOffset occurredAt, string payload) => kind switch
    {
        LeadEventKinds.Capture when JsonSerializer.Deserialize<CapturePayload>(payload, Options) is { Profile: { } profile } capture =>
            new LeadEvent(leadId, kind, occurredAt) { Profile = profile, CapturedAt = capture.CapturedAt },
        LeadEventKinds.Activity when JsonSerializer.Deserialize<ActivityRecord>(payload, Options) is { } activity => LeadEvent.Of(leadId, activity),
        LeadEventKinds.SalesAction when JsonSerializer.Deserialize<SalesActionRecord>(payload, Options) is { } action => LeadEvent.Of(leadId, action),
        _ => null,
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    private sealed record CapturePayload(LeadProfile? Profile, DateTimeOffset? CapturedAt);
}
