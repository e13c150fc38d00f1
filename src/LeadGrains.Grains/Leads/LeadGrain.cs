using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Sla;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Persistence;
using LeadGrains.Grains.Routing;

namespace LeadGrains.Grains.Leads;

/// <summary>
/// Thin by design: loads the lead, lets <see cref="Lead"/> decide, stores the result, and carries
/// out what the decision implies elsewhere (a rep released, a pool asked for a rep). Deadlines run
/// on a grain timer for second-level precision while the lead is active, and on a reminder for
/// durability: the reminder brings the lead back after a restart or failover.
/// </summary>
public sealed class LeadGrain(
    [PersistentState("lead", StorageNames.Leads)] IPersistentState<Lead> state,
    LiveConfig config,
    LeadRouter router,
    TimeProvider time) : Grain, ILeadGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(5);

    private IGrainTimer? _deadlineTimer;

    private Lead Lead => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Lead.Exists)
        {
            ArmTimer(await config.GetAsync());
        }
    }

    public async Task<CaptureResult> CaptureAsync(LeadProfile profile, DateTimeOffset? capturedAt)
    {
        var live = await config.GetAsync();
        var queuedIn = QueuedIn();
        var change = await SaveAsync(live, async lead =>
        {
            var captured = lead.Capture(this.GetPrimaryKeyString(), profile, capturedAt, live.Scoring, time.GetUtcNow());
            await RouteIfReadyAsync(live, captured);
            return captured;
        });
        await IndexAsync();
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
        });
        await FollowUpAsync(queuedIn, releasedRepId: null);
        return new ActivityResult(duplicate, View(live));
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
        var outcome = await SaveAsync(live, async lead =>
        {
            var applied = lead.ApplySalesAction(action, time.GetUtcNow());
            if (applied.Result == SalesActionResult.Applied)
            {
                // Free the rep first: a qualified lead may be routed straight back into the same pool.
                await FollowUpAsync(queuedIn, applied.ReleasedRepId);
                await RouteIfReadyAsync(live, applied.Change);
            }
            return applied;
        }, result => result.Change);
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

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DeadlineReminder ? ActOnDeadlinesAsync() : Task.CompletedTask;

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

    private Task<LeadChange> SaveAsync(EngineConfig live, Func<Lead, Task<LeadChange>> command, bool force = false) =>
        SaveAsync(live, command, change => change, force);

    /// <summary>
    /// Applies the command to the lead, re-arms its deadline reminder and stores it. A write that lost an
    /// ETag race is re-read and the whole command, handoff included, applied again to the stored lead
    /// (<see cref="PersistentStateUpdates"/>), so no acknowledged change is lost.
    /// </summary>
    private async Task<T> SaveAsync<T>(EngineConfig live, Func<Lead, Task<T>> command, Func<T, LeadChange> changeOf, bool force = false)
    {
        var acted = false;
        try
        {
            var saved = await state.UpdateAsync(async lead =>
            {
                var result = await command(lead);
                var change = changeOf(result);
                acted = change.Changed || force;
                var reminderMoved = acted && await ArmReminderAsync(live);
                return (Result: result, Write: change.Changed || reminderMoved);
            }, applied => applied.Write);
            if (acted)
            {
                ArmTimer(live);
            }
            return saved.Result;
        }
        catch
        {
            // The in-memory lead is ahead of storage now: drop it so the next call reloads what is stored.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Keeps one durable reminder per lead while it has an open deadline, re-registered only when the deadline moves.</summary>
    private async Task<bool> ArmReminderAsync(EngineConfig live)
    {
        var next = SlaPolicy.NextDeadline(Lead, live.Sla);
        if (next == Lead.ReminderDueAt)
        {
            return false;
        }
        if (next is { } due)
        {
            var dueIn = due - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(DeadlineReminder, dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, ReminderPeriod);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        Lead.ReminderDueAt = next;
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
        var dueIn = next - time.GetUtcNow();
        _deadlineTimer = this.RegisterGrainTimer(ActOnDeadlinesAsync, new GrainTimerCreationOptions(dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan));
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
