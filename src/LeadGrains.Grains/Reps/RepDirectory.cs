using LeadGrains.Abstractions.Reps;
using LeadGrains.Abstractions.Routing;
using LeadGrains.Domain.Reps;

namespace LeadGrains.Grains.Reps;

/// <summary>
/// Changes to reps, with the news passed on to their pools: a new member, a raised capacity or a
/// rep back from leave lets a pool serve the leads waiting in its queue at once.
/// </summary>
public sealed class RepDirectory(IGrainFactory grains)
{
    public async Task<RepView> UpsertAsync(string repId, RepProfile profile)
    {
        var update = await grains.GetGrain<IRepGrain>(repId).UpsertAsync(profile);
        await TellPoolsAsync(update);
        return update.View;
    }

    public async Task<RepView?> SetAvailabilityAsync(string repId, Availability availability)
    {
        if (await grains.GetGrain<IRepGrain>(repId).SetAvailabilityAsync(availability) is not { } update)
        {
            return null;
        }
        await TellPoolsAsync(update);
        return update.View;
    }

    private Task TellPoolsAsync(RepUpdate update) =>
        Task.WhenAll(update.Snapshot.Pools.Concat(update.LeftPools).Distinct(StringComparer.Ordinal)
            .Select(poolId => grains.GetGrain<IPoolGrain>(poolId).MemberChangedAsync(update.Snapshot)));
}
