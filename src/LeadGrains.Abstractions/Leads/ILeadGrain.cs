using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Abstractions.Leads;

/// <summary>One lead, keyed by its lead id. Owns the lead's profile, engagement, stage and timeline.</summary>
public interface ILeadGrain : IGrainWithStringKey
{
    /// <summary>Creates the lead or merges a later capture into it; returns once the change is stored.</summary>
    Task<CaptureResult> CaptureAsync(LeadProfile profile, DateTimeOffset? capturedAt);

    /// <summary>
    /// Records an engagement activity and re-scores the lead. A repeated event id is acknowledged
    /// and changes nothing. Returns null when the lead does not exist.
    /// </summary>
    Task<ActivityResult?> RecordActivityAsync(ActivityRecord activity);

    /// <summary>The lead as it is now, scored at this moment; null when it does not exist.</summary>
    [ReadOnly]
    Task<LeadView?> GetAsync();

    /// <summary>A sales action by a rep, once per event id; refused (and nothing changed) unless the rep owns the lead.</summary>
    Task<SalesActionResponse?> ApplySalesActionAsync(SalesActionRecord action);

    /// <summary>A pool took the lead from its queue and a rep accepted it. One-way: the pool does not wait on the lead.</summary>
    [OneWay]
    Task OfferAssignmentAsync(string poolId, string repId, RoutingExplanation explanation);

    /// <summary>Acts on any deadline that fell due (one-way: the deadline sweeper does not wait on each lead).</summary>
    [OneWay]
    Task WakeAsync();

    /// <summary>Where the lead would go if it were routed now; changes nothing.</summary>
    [ReadOnly]
    Task<RoutingExplanation?> PreviewRoutingAsync();
}

[GenerateSerializer, Immutable]
public sealed record SalesActionResponse(
    [property: Id(0)] SalesActionResult Result,
    [property: Id(1)] LeadView Lead,
    [property: Id(2)] string? Refusal);

[GenerateSerializer, Immutable]
public sealed record ActivityResult([property: Id(0)] bool Duplicate, [property: Id(1)] LeadSummary Lead);

[GenerateSerializer, Immutable]
public sealed record CaptureResult([property: Id(0)] bool Created, [property: Id(1)] LeadView Lead);
