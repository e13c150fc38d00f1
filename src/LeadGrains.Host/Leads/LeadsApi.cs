using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Leads;
using LeadGrains.Host.Problems;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadGrains.Host.Leads;

/// <summary><c>/api/v1/leads</c>: capture, read, and engagement (DESIGN §7).</summary>
public static class LeadsApi
{
    public static RouteGroupBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/leads").WithTags("Leads");
        api.MapPost("/", CaptureAsync).RequireAuthorization(ApiScopes.Ingest)
            .WithSummary("Capture or update a lead (same normalized email or same CRM id is the same lead)");
        api.MapGet("/{leadId}", GetAsync).RequireAuthorization(ApiScopes.Read).WithName("GetLead")
            .WithSummary("The lead: stage, owner, score with explanation, SLA deadline, timeline");
        api.MapGet("/", FindByEmailAsync).RequireAuthorization(ApiScopes.Read)
            .WithSummary("Find a lead by email");
        api.MapPost("/{leadId}/activities", RecordActivityAsync).RequireAuthorization(ApiScopes.Ingest)
            .WithSummary("Record engagement; a repeated eventId is acknowledged and changes nothing");
        api.MapPost("/{leadId}/sales-actions", ApplySalesActionAsync).RequireAuthorization(ApiScopes.Ingest)
            .WithSummary("accept, reject, contacted, qualify, disqualify, opportunity, won, lost, return_to_marketing; only the owning rep may act");
        return api;
    }

    public static async Task<Results<Created<LeadView>, Ok<LeadView>, ValidationProblem>> CaptureAsync(
        LeadCaptureRequest request, LeadIntake intake, TimeProvider time)
    {
        var errors = LeadRequestValidator.Validate(request, time.GetUtcNow());
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var result = await intake.CaptureAsync(request.ToProfile(), request.CapturedAt);
        return result.Created
            ? TypedResults.Created($"/api/v1/leads/{result.Lead.LeadId}", result.Lead)
            : TypedResults.Ok(result.Lead);
    }

    public static async Task<Results<Ok<LeadView>, ProblemHttpResult>> GetAsync(string leadId, IGrainFactory grains) =>
        LeadIds.IsWellFormed(leadId) && await grains.GetGrain<ILeadGrain>(leadId).GetAsync() is { } lead
            ? TypedResults.Ok(lead)
            : ApiProblems.LeadNotFound(leadId);

    public static async Task<Results<Ok<LeadView>, ProblemHttpResult, ValidationProblem>> FindByEmailAsync(
        string? email, LeadIntake intake, IGrainFactory grains)
    {
        if (!EmailAddress.IsValid(email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["is required and must be an email address."] });
        }
        return await intake.FindByEmailAsync(email!) is { } leadId && await grains.GetGrain<ILeadGrain>(leadId).GetAsync() is { } lead
            ? TypedResults.Ok(lead)
            : ApiProblems.NotFound("Lead not found", "No lead has that email.");
    }

    public static async Task<Results<Ok<ActivityResult>, ProblemHttpResult, ValidationProblem>> RecordActivityAsync(
        string leadId, ActivityRequest request, IGrainFactory grains, LiveConfig config, TimeProvider time)
    {
        if (!LeadIds.IsWellFormed(leadId))
        {
            return ApiProblems.LeadNotFound(leadId);
        }
        var now = time.GetUtcNow();
        var errors = LeadRequestValidator.Validate(request, (await config.GetAsync()).Scoring, now);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var activity = new ActivityRecord(request.EventId!.Trim(), request.Type!, request.OccurredAt ?? now);
        return await grains.GetGrain<ILeadGrain>(leadId).RecordActivityAsync(activity) is { } result
            ? TypedResults.Ok(result)
            : ApiProblems.LeadNotFound(leadId);
    }

    public static async Task<Results<Ok<SalesActionResponse>, ProblemHttpResult, ValidationProblem>> ApplySalesActionAsync(
        string leadId, SalesActionRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (!LeadIds.IsWellFormed(leadId))
        {
            return ApiProblems.LeadNotFound(leadId);
        }
        var now = time.GetUtcNow();
        var errors = SalesActionValidator.Validate(request, now, out var action);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var record = new SalesActionRecord(request.EventId!.Trim(), action, request.RepId!.Trim(), request.Reason?.Trim(), request.Amount, request.OccurredAt ?? now);
        return await grains.GetGrain<ILeadGrain>(leadId).ApplySalesActionAsync(record) switch
        {
            null => ApiProblems.LeadNotFound(leadId),
            { Result: SalesActionResult.NotOwner or SalesActionResult.NotAllowed } refused => ApiProblems.Conflict("Sales action refused", refused.Refusal!),
            var applied => TypedResults.Ok(applied),
        };
    }
}

public static class LeadIds
{
    /// <summary>Lead ids are 32 lower-case hex digits; anything else names no lead, and activates no grain.</summary>
    public static bool IsWellFormed(string leadId) => leadId.Length == 32 && leadId.All(char.IsAsciiHexDigitLower);
}
