using System.Net.Http.Json;
using System.Text.Json;

namespace LeadGrains.Production.Tests.Hosting;

/// <summary>Reads what the API answers as a caller would: JSON documents, not server types.</summary>
public static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, CancellationToken cancellationToken = default) =>
        client.PostAsJsonAsync(path, body, cancellationToken);

    public static IEnumerable<string> TimelineEventIds(this JsonElement lead) =>
        lead.GetProperty("timeline").EnumerateArray()
            .Where(entry => entry.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(entry => entry.GetProperty("eventId").GetString()!);
}
