using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Routing;
using LeadGrains.Host.Leads;
using LeadGrains.Host.Problems;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadGrains.Host.Routing;

/// <summary><c>POST /api/v1/routing/preview</c>: where a lead would go now, explained; changes nothing (DESIGN §6).</summary>
public static class RoutingApi
{
    public static RouteGroupBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/routing").WithTags("Routing");
        api.MapPost("/preview", PreviewAsync).RequireAuthorization(ApiScopes.Read)
            .WithSummary("Where a lead (by leadId, or by attributes) would be routed now; changes nothing");
        return api;
    }

    public static async Task<Results<Ok<RoutingExplanation>, ProblemHttpResult, ValidationProblem>> PreviewAsync(
        RoutingPreviewRequest request, IGrainFactory grains, LeadRouter router, LiveConfig config, TimeProvider time)
    {
        if (request.LeadId is { } leadId)
        {
            return LeadIds.IsWellFormed(leadId) && await grains.GetGrain<ILeadGrain>(leadId).PreviewRoutingAsync() is { } explanation
                ? TypedResults.Ok(explanation)
                : ApiProblems.LeadNotFound(leadId);
        }
        if (request.Lead is not { } attributes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["leadId"] = ["give a leadId or the lead's attributes under 'lead'."] });
        }
        var errors = LeadRequestValidator.Validate(attributes, time.GetUtcNow());
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Invalid lead attributes");
        }
        var hypothetical = new Lead
        {
            LeadId = "preview",
            Profile = attributes.ToProfile() with { Email = EmailAddress.Normalize(attributes.Email!) },
            Stage = LeadStage.SalesReady,
            Priority = request.Priority ?? LeadPriority.Normal,
        };
        var route = await router.RouteAsync(hypothetical, (await config.GetAsync()).Routing, preview: true);
        return TypedResults.Ok(route.Explanation);
    }
}

public sealed record RoutingPreviewRequest
{
    public string? LeadId { get; init; }
    public LeadCaptureRequest? Lead { get; init; }
    public LeadPriority? Priority { get; init; }
}
