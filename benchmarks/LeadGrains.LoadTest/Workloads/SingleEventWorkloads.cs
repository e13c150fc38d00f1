using System.Text;

namespace LeadGrains.LoadTest.Workloads;

/// <summary><c>activities</c>: one engagement event per request, <c>POST /api/v1/leads/{id}/activities</c>, over the hot/cold population.</summary>
public sealed class ActivitiesWorkload(HttpClient client, LeadProfiles profiles, LoadOptions options) : IWorkload
{
    private LeadPopulation? _population;

    public IReadOnlyList<string> Kinds { get; } = ["activity"];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await Reps.EnsureAsync(client, options.Reps, cancellationToken);
        _population = await LeadPopulation.CreateAsync(client, profiles, options.Leads, options, cancellationToken);
    }

    public async Task<Outcome> SendAsync(CancellationToken cancellationToken)
    {
        var leadId = _population!.Ids[_population.Pick()];
        using var content = Json.Content(profiles.Activity());
        using var response = await client.PostAsync($"/api/v1/leads/{leadId}/activities", content, cancellationToken);
        return new Outcome(0, (int)response.StatusCode);
    }
}

/// <summary><c>captures</c>: a new lead per request, <c>POST /api/v1/leads</c>.</summary>
public sealed class CapturesWorkload(HttpClient client, LeadProfiles profiles, LoadOptions options) : IWorkload
{
    private long _next;

    public IReadOnlyList<string> Kinds { get; } = ["capture"];

    public Task PrepareAsync(CancellationToken cancellationToken) => Reps.EnsureAsync(client, options.Reps, cancellationToken);

    public async Task<Outcome> SendAsync(CancellationToken cancellationToken)
    {
        using var content = Json.Content(profiles.Capture(Interlocked.Increment(ref _next)));
        using var response = await client.PostAsync("/api/v1/leads", content, cancellationToken);
        return new Outcome(0, (int)response.StatusCode);
    }
}

/// <summary><c>hello</c>: the hello-world app's <c>POST /</c> with an activity-shaped body, the baseline of the HTTP ratios.</summary>
public sealed class HelloWorkload(HttpClient client, LeadProfiles profiles) : IWorkload
{
    public IReadOnlyList<string> Kinds { get; } = ["hello"];

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Outcome> SendAsync(CancellationToken cancellationToken)
    {
        using var content = Json.Content(profiles.Activity());
        using var response = await client.PostAsync("/", content, cancellationToken);
        return new Outcome(0, (int)response.StatusCode);
    }
}

internal static class Json
{
    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");
}
