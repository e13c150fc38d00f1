using LeadGrains.Domain.Reps;

namespace LeadGrains.Abstractions.Reps;

/// <summary>
/// One sales rep, keyed by rep id: the authority on the rep's profile, availability and which
/// leads they hold, so capacity holds across every pool the rep is in. Calls no other grain.
/// </summary>
public interface IRepGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the profile. Returns the view, what pools now need to know, and pools the rep left.</summary>
    Task<RepUpdate> UpsertAsync(RepProfile profile);

    /// <summary>Out of office (optionally until a time, after which the rep is back by itself) or back.</summary>
    Task<RepUpdate?> SetAvailabilityAsync(Availability availability);

    [ReadOnly]
    Task<RepView?> GetAsync();

    /// <summary>Takes the lead if the rep is active, available and below capacity; says why not otherwise.</summary>
    Task<AcceptResult> TryAcceptAsync(string leadId);

    /// <summary>The rep no longer holds the lead (closed, rejected, returned, recycled, reassigned). Idempotent.</summary>
    Task<RepSnapshot?> ReleaseAsync(string leadId);
}

[GenerateSerializer, Immutable]
public sealed record RepView
{
    [Id(0)] public string RepId { get; init; } = "";
    [Id(1)] public required RepProfile Profile { get; init; }
    [Id(2)] public int OpenLeads { get; init; }
    [Id(3)] public bool Available { get; init; }
    [Id(4)] public required Availability Availability { get; init; }
    [Id(5)] public IReadOnlyList<string> LeadIds { get; init; } = [];
}

[GenerateSerializer, Immutable]
public sealed record RepUpdate(
    [property: Id(0)] RepView View,
    [property: Id(1)] RepSnapshot Snapshot,
    [property: Id(2)] IReadOnlyList<string> LeftPools);

[GenerateSerializer, Immutable]
public sealed record AcceptResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] RepSnapshot? Snapshot,
    [property: Id(2)] string? Refusal);
