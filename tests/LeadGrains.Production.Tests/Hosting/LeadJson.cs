using System.Text.Json;

namespace LeadGrains.Production.Tests.Hosting;

/// <summary>What production tests read from a lead beyond the shared helpers in the API tests' <c>Http</c>.</summary>
public static class LeadJson
{
    public static IEnumerable<string> TimelineEventIds(this JsonElement lead) =>
        lead.GetProperty("timeline").EnumerateArray()
            .Where(entry => entry.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(entry => entry.GetProperty("eventId").GetString()!);
}
