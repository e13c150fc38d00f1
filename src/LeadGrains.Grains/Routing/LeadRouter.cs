using LeadGrains.Abstractions.Reps;
using LeadGrains.Abstractions.Routing;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Grains.Routing;

/// <summary>
/// Hands a sales-ready lead to a rep (DESIGN §3): the account's owner first, else the pool its
/// attributes select, whose round robin picks the rep or queues the lead. The lead grain applies
/// the outcome; this class only asks the grains that decide.
/// </summary>
public sealed class LeadRouter(IGrainFactory grains)
{
    public async Task<RouteOutcome> RouteAsync(Lead lead, RoutingConfig routing, bool preview)
    {
        var pool = PoolSelector.Select(lead.Profile, routing, skipSdr: lead.Qualified);
        if (routing.AccountMatch && await AccountOwnerAsync(lead, pool, preview) is { } owned)
        {
            return owned;
        }
        if (pool is null)
        {
            return new RouteOutcome(null, null, false, new RoutingExplanation { Outcome = RoutingOutcomes.NoPool, Rule = "no routing rule matched and no pool catches every lead" }, 0);
        }
        var request = lead.HandoffRequest(pool.Rule);
        var poolGrain = grains.GetGrain<IPoolGrain>(pool.PoolId);
        var result = preview ? await poolGrain.PreviewAsync(request) : await poolGrain.HandOffAsync(request);
        if (!preview && result.RepId is { } repId && !pool.IsSdr && routing.AccountMatch && AccountDomain.Of(lead.Profile) is { } domain)
        {
            await grains.GetGrain<IAccountGrain>(domain).ClaimAsync(repId);
        }
        return new RouteOutcome(pool.PoolId, result.RepId, pool.IsSdr, result.Explanation, result.QueuePosition);
    }

    /// <summary>One account, one owner: the owner takes the lead unless unavailable, at capacity, or a previous holder.</summary>
    private async Task<RouteOutcome?> AccountOwnerAsync(Lead lead, PoolChoice? pool, bool preview)
    {
        if (AccountDomain.Of(lead.Profile) is not { } domain
            || await grains.GetGrain<IAccountGrain>(domain).GetOwnerAsync() is not { } owner
            || lead.PreviousOwners.Contains(owner))
        {
            return null;
        }
        var rep = grains.GetGrain<IRepGrain>(owner);
        bool taken;
        if (preview)
        {
            taken = await rep.GetAsync() is { Available: true } view && view.OpenLeads < view.Profile.Capacity;
        }
        else
        {
            var accepted = await rep.TryAcceptAsync(lead.LeadId);
            taken = accepted.Accepted;
            if (taken && accepted.Snapshot is { } snapshot)
            {
                await TellPoolsAsync(snapshot);
            }
        }
        if (!taken)
        {
            return null;
        }
        var explanation = new RoutingExplanation
        {
            Rule = $"account match: {owner} owns {domain}",
            PoolId = pool?.PoolId,
            ChosenRepId = owner,
            Outcome = RoutingOutcomes.AccountMatch,
        };
        return new RouteOutcome(pool?.PoolId, owner, false, explanation, 0);
    }

    /// <summary>Frees the rep's hold on the lead and tells the rep's pools, which may serve a waiting lead.</summary>
    public async Task ReleaseAsync(string repId, string leadId)
    {
        if (await grains.GetGrain<IRepGrain>(repId).ReleaseAsync(leadId) is { } snapshot)
        {
            await TellPoolsAsync(snapshot);
        }
    }

    public Task WithdrawAsync(string poolId, string leadId) => grains.GetGrain<IPoolGrain>(poolId).WithdrawAsync(leadId);

    private Task TellPoolsAsync(RepSnapshot snapshot) =>
        Task.WhenAll(snapshot.Pools.Select(poolId => grains.GetGrain<IPoolGrain>(poolId).MemberLoadChangedAsync(snapshot)));
}

/// <param name="RepId">Who took the lead; null when it waits in <paramref name="PoolId"/>'s queue or no pool matched.</param>
public sealed record RouteOutcome(string? PoolId, string? RepId, bool BySdr, RoutingExplanation Explanation, int QueuePosition);
