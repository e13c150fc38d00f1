using System.Globalization;
using System.Text;

namespace LeadGrains.LoadTest.Workloads;

/// <summary>Reps in the shipped catch-all pool, created (or left as they are) with <c>PUT /api/v1/reps/{id}</c> before a run.</summary>
public static class Reps
{
    /// <summary>A rep's most open leads the API allows, so that a run of minutes does not fill every book.</summary>
    public const int Capacity = 10_000;

    public static async Task EnsureAsync(HttpClient client, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var body = string.Create(CultureInfo.InvariantCulture,
                $$"""{"name":"Bench Rep {{i}}","pools":["default"],"capacity":{{Capacity}},"weight":{{1 + (i % 3)}},"managerEmail":"manager@bench.example"}""");
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PutAsync(string.Create(CultureInfo.InvariantCulture, $"/api/v1/reps/bench-rep-{i:D3}"), content, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }
}
