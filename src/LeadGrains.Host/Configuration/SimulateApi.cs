using System.Text.Json;
using LeadGrains.Abstractions.Routing;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Simulation;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Events;
using LeadGrains.Host.Json;
using LeadGrains.Host.Problems;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Configuration;

/// <summary>
/// <c>POST /api/v1/config/simulate</c> (DESIGN §6, §8): a proposed configuration replayed over the recorded
/// event history of a window, beside the live one. Reads the event log and each pool's members; changes nothing.
/// </summary>
public static class SimulateApi
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal) { "config", "from", "to" };

    public static RouteGroupBuilder MapSimulateApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/config").WithTags("Configuration");
        api.MapPost("/simulate", SimulateAsync).RequireAuthorization(ApiScopes.Read)
            .Accepts<SimulateRequest>("application/json")
            .WithSummary("Replay the recorded events of a window under a proposed configuration, beside the live one; changes nothing");
        return api;
    }

    public static async Task<Results<Ok<SimulationReport>, ValidationProblem, ProblemHttpResult>> SimulateAsync(
        HttpRequest request, LiveConfig config, IEventLog events, IGrainFactory grains, TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (!request.HasJsonContentType())
        {
            return ApiProblems.UnsupportedMediaType("Send {config, from, to} as application/json.");
        }
        var (body, errors) = await ReadAsync(request, JsonSetup.Strict(json.Value.SerializerOptions), time.GetUtcNow());
        if (body is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var validation = EngineConfigValidator.Validate(body.Config);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary().ToDictionary(pair => $"config.{pair.Key}", pair => pair.Value), title: "Invalid configuration");
        }
        var live = await config.GetAsync();
        var proposed = body.Config with { Version = live.Version };
        var simulation = new ConfigSimulation(live, proposed, body.From, body.To);
        await foreach (var history in events.ReadAsync(body.From, body.To, request.HttpContext.RequestAborted))
        {
            simulation.Add(history);
        }
        return TypedResults.Ok(simulation.Finish(await PoolMembersAsync(grains, live, proposed)));
    }

    /// <summary>Each pool's members now, through the pool grains' read-only view.</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<RepSnapshot>>> PoolMembersAsync(IGrainFactory grains, params EngineConfig[] configs)
    {
        var poolIds = configs.SelectMany(config => config.Routing.Pools).Select(pool => pool.Id).Distinct(StringComparer.Ordinal).ToList();
        var views = await Task.WhenAll(poolIds.Select(poolId => grains.GetGrain<IPoolGrain>(poolId).GetAsync()));
        return views.ToDictionary(view => view.PoolId, view => view.Members, StringComparer.Ordinal);
    }

    private static async Task<(Simulate? Body, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, JsonSerializerOptions strict, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            return (null, new() { [exception.Path ?? "$"] = [ConfigDocument.FirstSentence(exception.Message)] });
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, new() { ["$"] = ["must be a JSON object {config, from, to}."] });
            }
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject().Where(member => !Members.Contains(member.Name)))
            {
                errors[member.Name] = ["is not a member of a simulation request (config, from, to)."];
            }
            var to = Time(root, "to", errors) ?? now;
            var from = Time(root, "from", errors) ?? to - DefaultWindow;
            if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
            {
                if (from >= to)
                {
                    errors["to"] = ["must be after from."];
                }
                else if (to - from > MaxWindow)
                {
                    errors["from"] = [$"the window may span at most {MaxWindow.TotalDays:0} days."];
                }
            }
            EngineConfig? proposed = null;
            if (!root.TryGetProperty("config", out var config))
            {
                errors["config"] = ["is required: the proposed configuration, whole (its version is ignored)."];
            }
            else
            {
                var (read, configErrors) = ConfigDocument.Read(config, strict, ConfigDocument.Sections, "config.");
                proposed = read;
                foreach (var (path, messages) in configErrors)
                {
                    errors[path] = messages;
                }
            }
            return errors.Count > 0 || proposed is null ? (null, errors) : (new Simulate(proposed, from, to), errors);
        }
    }

    private static DateTimeOffset? Time(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at))
        {
            return at;
        }
        errors[name] = ["must be an ISO 8601 date and time with an offset (2026-03-01T00:00:00Z)."];
        return null;
    }

    private sealed record Simulate(EngineConfig Config, DateTimeOffset From, DateTimeOffset To);
}

/// <summary>The request body, for the OpenAPI document: the window defaults to the 30 days before now, and may span 366.</summary>
public sealed record SimulateRequest
{
    /// <summary>The proposed configuration, whole, as <c>PUT /config</c> takes it; its <c>version</c> is ignored.</summary>
    public EngineConfig Config { get; init; } = new();
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
}
