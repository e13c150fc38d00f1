using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reports;
using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Simulation;
using LeadGrains.Domain.Sla;
using LeadGrains.Domain.Webhooks;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Events;
using LeadGrains.Grains.Persistence;
using LeadGrains.Grains.Reports;
using LeadGrains.Grains.Routing;
using LeadGrains.Grains.Sla;
using LeadGrains.Grains.Telemetry;
using LeadGrains.Grains.Webhooks;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Grains.Leads;

/// <summary>
/// Thin by design: loads the lead, lets <see cref="Lead"/> decide, stores the result, and carries
/// out what the decision implies elsewhere (a rep released, a pool asked for a rep). Deadlines run
/// on a grain timer for second-level precision while the lead is active, and are recorded in the
/// <see cref="IDeadlineStore"/> for durability: the sweeper wakes the lead after a restart or failover.
/// </summary>
public sealed class LeadGrain(
    [PersistentState("lead", StorageNames.Leads)] IPersistentState<Lead> state,
    LiveConfig config,
    LeadRouter router,
    IDeadlineStore deadlines,
    IEventLog events,
    TimeProvider time,
    WebhookOutbox outbox,
    ReportFeed reports,
    ILogger<LeadGrain> logger) : Grain, ILeadGrain
{
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(1);

    private IGrainTimer? _deadlineTimer;

    private Lead Lead => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Lead.Exists)
        {
            var live = await config.GetAsync();
            ArmTimer(live);
            // Events stored but not handed to delivery before the last activation ended.
            await outbox.DrainAsync(state, () => View(live));
        }
    }

    public async Task<CaptureResult> CaptureAsync(LeadProfile profile, DateTimeOffset? capturedAt)
    {
        var live = await config.GetAsync();
        var queuedIn = QueuedIn();
        var changedProfile = false;
        var change = await SaveAsync(live, async lead =>
        {
            var captured = lead.Capture(this.GetPrimaryKeyString(), profile, capturedAt, live.Scoring, time.GetUtcNow());
            changedProfile = captured.Changed;
            await RouteIfReadyAsync(live, captured);
            return captured;
        }, input: () => changedProfile ? LeadEvent.Capture(Lead.LeadId, profile, capturedAt, time.GetUtcNow()) : null);
        if (change.Changed)
        {
            // A capture that says nothing new cannot have a new email or CRM id to bind.
            await IndexAsync();
        }
        await FollowUpAsync(queuedIn, releasedRepId: null);
        return new CaptureResult(change.Outcome == ChangeOutcome.Created, View(live));
    }

    public async Task<ActivityResult?> RecordActivityAsync(ActivityRecord activity)
    {
        if (!Lead.Exists)
        {
            return null;
        }
        var live = await config.GetAsync();
        var queuedIn = QueuedIn();
        var duplicate = false;
        await SaveAsync(live, async lead =>
        {
            var recorded = lead.RecordActivity(activity, live.Scoring, time.GetUtcNow());
            duplicate = recorded.Outcome == ChangeOutcome.Duplicate;
            await RouteIfReadyAsync(live, recorded);
            return recorded;
        }, input: () => duplicate ? null : LeadEvent.Of(Lead.LeadId, activity));
        await FollowUpAsync(queuedIn, releasedRepId: null);
        return new ActivityResult(duplicate, LeadSummary.Of(Lead, live.Scoring, time.GetUtcNow()));
    }

    public async Task<LeadView?> GetAsync() => Lead.Exists ? View(await config.GetAsync()) : null;

    public async Task<SalesActionResponse?> ApplySalesActionAsync(SalesActionRecord action)
    {
        if (!Lead.Exists)
        {
            return null;
        }
        var live = await config.GetAsync();
        var queuedIn = QueuedIn();
        var actedOn = false;
        var outcome = await SaveAsync(live, async lead =>
        {
            var applied = lead.ApplySalesAction(action, time.GetUtcNow());
            actedOn = applied.Result == SalesActionResult.Applied;
            if (applied.Result == SalesActionResult.Applied)
            {
                // Free the rep first: a qualified lead may be routed straight back into the same pool.
                await FollowUpAsync(queuedIn, applied.ReleasedRepId);
                await RouteIfReadyAsync(live, applied.Change);
            }
            return applied;
        }, result => result.Change, input: () => actedOn ? LeadEvent.Of(Lead.LeadId, action) : null);
        return new SalesActionResponse(outcome.Result, View(live), outcome.Refusal);
    }

    public async Task OfferAssignmentAsync(string poolId, string repId, RoutingExplanation explanation)
    {
        if (Lead.Stage == LeadStage.SalesReady && Lead.OwnerRepId is null && Lead.Queued && Lead.PoolId == poolId)
        {
            var live = await config.GetAsync();
            var bySdr = live.Routing.SdrPool == poolId && !Lead.Qualified;
            var clock = FirstTouchClock.Start(Lead.Priority, live.Sla, time.GetUtcNow());
            await SaveAsync(live, lead => Task.FromResult(lead.Assign(poolId, repId, bySdr, explanation, clock, new LeadChange(lead))));
            return;
        }
        // The lead moved on while it waited (closed, recycled, routed elsewhere): give the rep the slot back.
        await router.ReleaseAsync(repId, Lead.LeadId);
    }

    public async Task<RoutingExplanation?> PreviewRoutingAsync()
    {
        if (!Lead.Exists)
        {
            return null;
        }
        var live = await config.GetAsync();
        return (await router.RouteAsync(Lead, live.Routing, preview: true)).Explanation;
    }

    public Task WakeAsync() => ActOnDeadlinesAsync();

    /// <summary>
    /// Acts on whatever deadline is due now. Safe to call at any time and any number of times: the
    /// policy reads the lead's state, so a late or repeated call after the deadline was handled, or
    /// after contact was made, does nothing.
    /// </summary>
    private async Task ActOnDeadlinesAsync()
    {
        if (!Lead.Exists)
        {
            return;
        }
        var live = await config.GetAsync();
        await SaveAsync(live, async lead =>
        {
            var queuedIn = QueuedIn();
            var change = new LeadChange(lead);
            // A lead that slept past several deadlines catches up on each in turn.
            for (var step = 0; step < 4; step++)
            {
                var manager = live.Routing.Pools.FirstOrDefault(pool => pool.Id == lead.PoolId)?.ManagerEmail;
                var outcome = lead.ApplyDueDeadlines(live.Sla, manager, time.GetUtcNow());
                if (outcome.Decision.Action == SlaAction.None)
                {
                    break;
                }
                change.Absorb(outcome.Change);
                await FollowUpAsync(queuedIn, outcome.ReleasedRepId);
                queuedIn = QueuedIn();
                await RouteIfReadyAsync(live, change);
            }
            return change;
        }, force: true);
    }

    /// <summary>What a change implies elsewhere: free the rep, leave the queue the lead no longer waits in.</summary>
    private async Task FollowUpAsync(string? queuedIn, string? releasedRepId)
    {
        if (releasedRepId is not null)
        {
            await router.ReleaseAsync(releasedRepId, Lead.LeadId);
        }
        if (queuedIn is not null && QueuedIn() != queuedIn)
        {
            await router.WithdrawAsync(queuedIn, Lead.LeadId);
        }
    }

    /// <summary>
    /// Hands a lead that just became sales-ready to a rep before the change is stored, so that the
    /// event and its handoff are stored together in one write.
    /// </summary>
    private async Task RouteIfReadyAsync(EngineConfig live, LeadChange change)
    {
        if (!Lead.NeedsRouting)
        {
            return;
        }
        var now = time.GetUtcNow();
        var route = await router.RouteAsync(Lead, live.Routing, preview: false);
        _ = route switch
        {
            { RepId: { } repId, PoolId: var poolId } => Lead.Assign(poolId, repId, route.BySdr, route.Explanation, FirstTouchClock.Start(Lead.Priority, live.Sla, now), change),
            { PoolId: { } poolId } => Lead.Enqueue(poolId, route.QueuePosition, route.Explanation, now, change),
            _ => Lead.Unrouted(route.Explanation, now, change),
        };
    }

    private string? QueuedIn() => Lead.Queued ? Lead.PoolId : null;

    private LeadView View(EngineConfig live) => LeadView.Of(Lead, live.Scoring, time.GetUtcNow());

    private Task<LeadChange> SaveAsync(EngineConfig live, Func<Lead, Task<LeadChange>> command, bool force = false, Func<LeadEvent?>? input = null) =>
        SaveAsync(live, command, change => change, force, input);

    /// <summary>
    /// Applies the command to the lead, records its next deadline and stores it. A write that lost an
    /// ETag race is re-read and the whole command, handoff included, applied again to the stored lead
    /// (<see cref="PersistentStateUpdates"/>), so no acknowledged change is lost. <paramref name="input"/> names
    /// the caller's input when the command changed the lead; it is appended to the event log before the write.
    /// </summary>
    private async Task<T> SaveAsync<T>(EngineConfig live, Func<Lead, Task<T>> command, Func<T, LeadChange> changeOf, bool force = false, Func<LeadEvent?>? input = null)
    {
        var acted = false;
        ReportDelta? facts = null;
        try
        {
            var saved = await state.UpdateAsync(async lead =>
            {
                // Applied again to the stored lead after a lost ETag race: only the last run's facts count.
                facts = null;
                var result = await command(lead);
                var change = changeOf(result);
                if (change.Changed)
                {
                    lead.Outbox.AddRange(OutboxEvent.Raise(change.Entries));
                    facts = new ReportDelta();
                    ReportFacts.Record(lead, change, facts);
                }
                acted = change.Changed || force;
                if (change.Changed && input?.Invoke() is { } recorded)
                {
                    await events.AppendAsync(recorded);
                }
                var deadlineMoved = acted && await RecordDeadlineAsync(lead, live);
                return (Result: result, Write: change.Changed || deadlineMoved);
            }, applied => applied.Write);
            if (acted)
            {
                ArmTimer(live);
            }
            LeadTelemetry.Stored(changeOf(saved.Result), Lead, logger);
            if (facts is { IsEmpty: false })
            {
                reports.Add(facts);
            }
            await outbox.DrainAsync(state, () => View(live));
            return saved.Result;
        }
        catch
        {
            // The in-memory lead is ahead of storage now: drop it so the next call reloads what is stored.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Records the lead's next deadline durably, only when it moved, before the lead's state is stored.</summary>
    private async Task<bool> RecordDeadlineAsync(Lead lead, EngineConfig live)
    {
        var next = SlaPolicy.NextDeadline(lead, live.Sla);
        if (next == lead.RecordedDeadline)
        {
            return false;
        }
        await deadlines.SetAsync(lead.LeadId, next);
        lead.RecordedDeadline = next;
        return true;
    }

    /// <summary>Second-level precision while the lead is active: a timer at the next deadline.</summary>
    private void ArmTimer(EngineConfig live)
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        if (SlaPolicy.NextDeadline(Lead, live.Sla) is not { } next)
        {
            return;
        }
        // Grain timers reach at most ~49 days; a longer deadline (a 60-day opportunity stall) is re-checked daily.
        var dueIn = TimeSpan.FromTicks(Math.Clamp((next - time.GetUtcNow()).Ticks, 0, MaxTimerDue.Ticks));
        _deadlineTimer = this.RegisterGrainTimer(ActOnDeadlinesAsync, new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Binds the lead's current email and CRM id to it, so later captures by either find it.</summary>
    private async Task IndexAsync()
    {
        var leadId = Lead.LeadId;
        await GrainFactory.GetGrain<ILeadIndexGrain>(LeadKeys.Email(Lead.Profile.Email)).ClaimAsync(leadId);
        if (Lead.Profile.CrmId is { } crmId)
        {
            await GrainFactory.GetGrain<ILeadIndexGrain>(LeadKeys.CrmId(crmId)).ClaimAsync(leadId);
        }
    }
}
