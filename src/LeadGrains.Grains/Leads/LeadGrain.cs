using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;
using LeadGrains.Grains.Configuration;

namespace LeadGrains.Grains.Leads;

/// <summary>Thin by design: loads the lead, lets <see cref="Lead"/> decide, stores the result.</summary>
public sealed class LeadGrain(
    [PersistentState("lead", StorageNames.Leads)] IPersistentState<Lead> state,
    LiveConfig config,
    TimeProvider time) : Grain, ILeadGrain
{
    private Lead Lead => state.State;

    public async Task<CaptureResult> CaptureAsync(LeadProfile profile, DateTimeOffset? capturedAt)
    {
        var model = (await config.GetAsync()).Scoring;
        var now = time.GetUtcNow();
        var change = Lead.Capture(this.GetPrimaryKeyString(), profile, capturedAt, model, now);
        await SaveAsync(change);
        await IndexAsync();
        return new CaptureResult(change.Outcome == ChangeOutcome.Created, LeadView.Of(Lead, model, now));
    }

    public async Task<ActivityResult?> RecordActivityAsync(ActivityRecord activity)
    {
        if (!Lead.Exists)
        {
            return null;
        }
        var model = (await config.GetAsync()).Scoring;
        var now = time.GetUtcNow();
        var change = Lead.RecordActivity(activity, model, now);
        await SaveAsync(change);
        return new ActivityResult(change.Outcome == ChangeOutcome.Duplicate, LeadView.Of(Lead, model, now));
    }

    public async Task<LeadView?> GetAsync()
    {
        if (!Lead.Exists)
        {
            return null;
        }
        var model = (await config.GetAsync()).Scoring;
        return LeadView.Of(Lead, model, time.GetUtcNow());
    }

    private async Task SaveAsync(LeadChange change)
    {
        if (!change.Changed)
        {
            return;
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The in-memory lead is ahead of storage now: drop it so the next call reloads what is stored.
            DeactivateOnIdle();
            throw;
        }
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
