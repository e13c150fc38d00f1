using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Abstractions.Routing;

/// <summary>
/// One pool, keyed by pool id: the authority on fair order (weighted round robin) and on the
/// queue of leads waiting for capacity. Calls rep grains to take leads and tells leads taken from
/// the queue by one-way messages, so no call cycle can form.
/// </summary>
public interface IPoolGrain : IGrainWithStringKey
{
    /// <summary>Hands the lead to the next eligible rep, or queues it when none is eligible.</summary>
    Task<HandoffResult> HandOffAsync(HandoffRequest request);

    /// <summary>Where the lead would go now; changes nothing.</summary>
    [ReadOnly]
    Task<HandoffResult> PreviewAsync(HandoffRequest request);

    /// <summary>News of a member (joined, left, capacity, load, leave); serves waiting leads if it freed capacity.</summary>
    Task MemberChangedAsync(RepSnapshot snapshot);

    /// <summary>
    /// A member took or released a lead: the same news as <see cref="MemberChangedAsync"/>, sent one way by
    /// the lead, so that it never waits behind the pool's other work (a burst of SLA breaches releasing
    /// reps of one pool at once). Snapshots carry revisions, so a late one is ignored.
    /// </summary>
    [OneWay]
    Task MemberLoadChangedAsync(RepSnapshot snapshot);

    /// <summary>The lead no longer waits (closed, recycled, routed elsewhere).</summary>
    Task WithdrawAsync(string leadId);

    [ReadOnly]
    Task<PoolView> GetAsync();
}

/// <param name="RepId">The rep who took the lead; null when it was queued.</param>
[GenerateSerializer, Immutable]
public sealed record HandoffResult(
    [property: Id(0)] string? RepId,
    [property: Id(1)] int QueuePosition,
    [property: Id(2)] RoutingExplanation Explanation);

[GenerateSerializer, Immutable]
public sealed record PoolView(
    [property: Id(0)] string PoolId,
    [property: Id(1)] IReadOnlyList<RepSnapshot> Members,
    [property: Id(2)] IReadOnlyList<QueuedLead> Queue);
