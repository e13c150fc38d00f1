using LeadGrains.Abstractions.Reps;
using LeadGrains.Domain.Reps;
using LeadGrains.Grains.Reps;
using LeadGrains.Host.Problems;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadGrains.Host.Reps;

/// <summary><c>/api/v1/reps</c>: rep profiles and availability (DESIGN §7).</summary>
public static class RepsApi
{
    public static RouteGroupBuilder MapRepsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reps").WithTags("Reps");
        api.MapPut("/{repId}", PutAsync).RequireAuthorization(ApiScopes.Admin)
            .WithSummary("Create or replace a rep: pools, capacity, weight, territories, manager, active");
        api.MapGet("/{repId}", GetAsync).RequireAuthorization(ApiScopes.Read)
            .WithSummary("The rep with open leads and availability");
        api.MapPut("/{repId}/availability", PutAvailabilityAsync).RequireAuthorization(ApiScopes.Admin)
            .WithSummary("Out of office (optionally until a time, then back automatically) or back");
        return api;
    }

    public static async Task<Results<Ok<RepView>, ValidationProblem>> PutAsync(string repId, RepRequest request, RepDirectory reps)
    {
        var errors = RepRequestValidator.Validate(request);
        errors.AddIf(!RepRequestValidator.IsRepId(repId), "repId", "must be 1-64 letters, digits, '_', '-' or '.'.");
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return TypedResults.Ok(await reps.UpsertAsync(repId, request.ToProfile()));
    }

    public static async Task<Results<Ok<RepView>, ProblemHttpResult>> GetAsync(string repId, IGrainFactory grains) =>
        RepRequestValidator.IsRepId(repId) && await grains.GetGrain<IRepGrain>(repId).GetAsync() is { } rep
            ? TypedResults.Ok(rep)
            : RepNotFound(repId);

    public static async Task<Results<Ok<RepView>, ProblemHttpResult, ValidationProblem>> PutAvailabilityAsync(
        string repId, AvailabilityRequest request, RepDirectory reps, TimeProvider time)
    {
        var errors = RepRequestValidator.Validate(request, time.GetUtcNow());
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return RepRequestValidator.IsRepId(repId) && await reps.SetAvailabilityAsync(repId, new Availability(request.Available!.Value, request.Until)) is { } rep
            ? TypedResults.Ok(rep)
            : RepNotFound(repId);
    }

    private static ProblemHttpResult RepNotFound(string repId) =>
        ApiProblems.NotFound("Rep not found", $"No rep has id '{(repId.Length > 64 ? repId[..64] : repId)}'.");
}
