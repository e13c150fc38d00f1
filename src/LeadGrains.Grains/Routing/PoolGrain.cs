using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Abstractions.Reps;
using LeadGrains.Abstractions.Routing;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Routing;
using LeadGrains.Grains.Telemetry;

namespace LeadGrains.Grains.Routing;

/// <summary>
/// Serializes every handoff of one pool, so the round robin is fair and no rep is offered more
/// than it can take. Round-robin weights are soft state: they are stored with the queue and
/// membership, not after every pick, and a restart only restarts the rotation.
/// </summary>
public sealed class PoolGrain(
    [PersistentState("pool", StorageNames.Pools)] IPersistentState<PoolRoster> state,
    TimeProvider time) : Grain, IPoolGrain
{
    private IGrainTimer? _returnTimer;

    private PoolRoster Roster => state.State;
    private string PoolId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LeadGrainsMetrics.QueueDepth(PoolId, Roster.Queue.Count);
        ArmReturnTimer();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        LeadGrainsMetrics.QueueDepth(PoolId, null);
        return Task.CompletedTask;
    }

    public async Task<HandoffResult> HandOffAsync(HandoffRequest request)
    {
        var wasQueued = Roster.Withdraw(request.LeadId);
        if (await TryAssignAsync(request) is { } assigned)
        {
            if (wasQueued)
            {
                await SaveAsync();
            }
            return assigned;
        }
        var queued = Roster.Enqueue(request, time.GetUtcNow());
        await SaveAsync();
        ArmReturnTimer();
        var assessed = Roster.Assess(request, time.GetUtcNow());
        var explanation = RoutingExplanation.For(request.Rule, PoolId, null, RoutingOutcomes.Queued, assessed, assessed.Count(candidate => candidate.Skipped is null));
        return new HandoffResult(null, Roster.PositionOf(queued.Request.LeadId), explanation);
    }

    public Task<HandoffResult> PreviewAsync(HandoffRequest request)
    {
        var choice = Roster.Choose(request, time.GetUtcNow());
        var outcome = choice.Pick is null ? RoutingOutcomes.Queued : RoutingOutcomes.Assigned;
        var position = choice.Pick is null ? Roster.Queue.Count(entry => entry.Request.LeadId != request.LeadId) + 1 : 0;
        return Task.FromResult(new HandoffResult(choice.Pick?.RepId, position,
            RoutingExplanation.For(request.Rule, PoolId, choice.Pick?.RepId, outcome, choice.Candidates, choice.Eligible)));
    }

    public async Task MemberChangedAsync(RepSnapshot snapshot)
    {
        if (Roster.Upsert(PoolId, snapshot))
        {
            await SaveAsync();
        }
        await ServeQueueAsync();
    }

    public Task MemberLoadChangedAsync(RepSnapshot snapshot) => MemberChangedAsync(snapshot);

    public async Task WithdrawAsync(string leadId)
    {
        if (Roster.Withdraw(leadId))
        {
            await SaveAsync();
        }
    }

    public Task<PoolView> GetAsync() =>
        Task.FromResult(new PoolView(PoolId, [.. Roster.Members.Values.Select(member => member.Snapshot)], [.. Roster.Queue]));

    /// <summary>Offers the lead to reps in round-robin order until one takes it; null when nobody can.</summary>
    private async Task<HandoffResult?> TryAssignAsync(HandoffRequest request)
    {
        // Each refusal refreshes what the pool knows of that rep, so this ends within one try per member.
        for (var attempt = 0; attempt <= Roster.Members.Count; attempt++)
        {
            var choice = Roster.Choose(request, time.GetUtcNow());
            if (choice.Pick is not { } pick)
            {
                return null;
            }
            var accepted = await GrainFactory.GetGrain<IRepGrain>(pick.RepId).TryAcceptAsync(request.LeadId);
            if (accepted.Snapshot is { } snapshot)
            {
                Roster.Upsert(PoolId, snapshot);
            }
            else
            {
                Roster.Members.Remove(pick.RepId);
            }
            if (accepted.Accepted)
            {
                Roster.Commit(pick);
                return new HandoffResult(pick.RepId, 0,
                    RoutingExplanation.For(request.Rule, PoolId, pick.RepId, RoutingOutcomes.Assigned, choice.Candidates, choice.Eligible));
            }
        }
        return null;
    }

    /// <summary>Serves waiting leads, in priority then arrival order, while any rep can take one.</summary>
    private async Task ServeQueueAsync()
    {
        var served = false;
        foreach (var waiting in Roster.Queue.ToList())
        {
            if (await TryAssignAsync(waiting.Request) is not { RepId: { } repId } result)
            {
                continue;
            }
            Roster.Withdraw(waiting.Request.LeadId);
            served = true;
            await GrainFactory.GetGrain<ILeadGrain>(waiting.Request.LeadId).OfferAssignmentAsync(PoolId, repId, result.Explanation);
        }
        if (served)
        {
            await SaveAsync();
        }
        ArmReturnTimer();
    }

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        LeadGrainsMetrics.QueueDepth(PoolId, Roster.Queue.Count);
    }

    /// <summary>A rep on leave with an end date comes back by itself: wake then to serve the queue.</summary>
    private void ArmReturnTimer()
    {
        _returnTimer?.Dispose();
        _returnTimer = null;
        if (Roster.Queue.Count == 0 || Roster.NextReturn(time.GetUtcNow()) is not { } next)
        {
            return;
        }
        var due = next - time.GetUtcNow();
        _returnTimer = this.RegisterGrainTimer(ServeQueueAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }
}
