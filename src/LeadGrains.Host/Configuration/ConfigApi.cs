using System.Text.Json;
using LeadGrains.Abstractions.Configuration;
using LeadGrains.Domain.Configuration;
using LeadGrains.Grains.Configuration;
using LeadGrains.Host.Json;
using LeadGrains.Host.Problems;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Configuration;

/// <summary><c>/api/v1/config</c>: the versioned scoring, routing and SLA configuration (DESIGN §8).</summary>
public static class ConfigApi
{
    public static RouteGroupBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/config").WithTags("Configuration");
        api.MapGet("/", GetAsync).RequireAuthorization(ApiScopes.Read).WithSummary("The live configuration and its version");
        api.MapPut("/", PutAsync).RequireAuthorization(ApiScopes.Admin)
            .Accepts<EngineConfig>("application/json")
            .WithSummary("Replace the whole configuration; send the version it was read at (stale: 409; invalid: 400 naming each path)");
        return api;
    }

    public static async Task<Ok<EngineConfig>> GetAsync(LiveConfig config) => TypedResults.Ok(await config.GetAsync());

    public static async Task<Results<Ok<EngineConfig>, ValidationProblem, ProblemHttpResult>> PutAsync(
        HttpRequest request, LiveConfig config, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the configuration as application/json.");
        }
        var (proposed, errors) = await ReadAsync(request, JsonSetup.Strict(json.Value.SerializerOptions));
        if (proposed is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var update = await config.UpdateAsync(proposed);
        return update.Outcome switch
        {
            ConfigUpdateOutcome.Updated => TypedResults.Ok(update.Current),
            ConfigUpdateOutcome.StaleVersion => ApiProblems.Conflict("Stale configuration version",
                $"The configuration is at version {update.Current.Version}; read it again and apply your change to that version."),
            _ => TypedResults.ValidationProblem(update.Errors!, title: "Invalid configuration"),
        };
    }

    /// <summary>Parses strictly: an unknown member or a missing section is an error, not a silent default.</summary>
    private static async Task<(EngineConfig? Config, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, JsonSerializerOptions options)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return ConfigDocument.Read(document.RootElement, options, ["version", .. ConfigDocument.Sections]);
        }
        catch (JsonException exception)
        {
            return (null, new() { [exception.Path ?? "$"] = [ConfigDocument.FirstSentence(exception.Message)] });
        }
    }
}
