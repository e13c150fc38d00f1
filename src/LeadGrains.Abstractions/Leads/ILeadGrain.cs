using LeadGrains.Domain.Leads;

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
}

[GenerateSerializer, Immutable]
public sealed record ActivityResult([property: Id(0)] bool Duplicate, [property: Id(1)] LeadView Lead);

[GenerateSerializer, Immutable]
public sealed record CaptureResult([property: Id(0)] bool Created, [property: Id(1)] LeadView Lead);
