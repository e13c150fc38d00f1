using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Webhooks;

namespace LeadGrains.Grains.Webhooks;

[GenerateSerializer]
public sealed class CrmDeliveryRecord
{
    [Id(0)] public DateTimeOffset? AppliedAt { get; set; }
    [Id(1)] public DateTimeOffset? ForgetAt { get; set; }
}

/// <summary>
/// The claim lives in memory only: a silo that dies while applying loses it, and the sender's retry applies
/// the delivery (every line in it is idempotent on its own). Only "applied" is stored.
/// </summary>
public sealed class CrmDeliveryGrain(
    [PersistentState("crmDelivery", StorageNames.Indexes)] IPersistentState<CrmDeliveryRecord> state,
    TimeProvider time) : Grain, ICrmDeliveryGrain
{
    private bool _claimed;
    private TimeSpan _retention;

    public async Task<CrmDeliveryClaim> ClaimAsync(TimeSpan retention)
    {
        if (state.State.ForgetAt is { } forgetAt && forgetAt <= time.GetUtcNow())
        {
            await state.ClearStateAsync();
        }
        if (state.State.AppliedAt is not null)
        {
            return CrmDeliveryClaim.AlreadyApplied;
        }
        if (_claimed)
        {
            return CrmDeliveryClaim.InProgress;
        }
        _claimed = true;
        _retention = retention;
        return CrmDeliveryClaim.Claimed;
    }

    public async Task RecordAppliedAsync()
    {
        var now = time.GetUtcNow();
        state.State.AppliedAt = now;
        state.State.ForgetAt = now + _retention;
        await state.WriteStateAsync();
        _claimed = false;
    }

    public Task ReleaseAsync()
    {
        _claimed = false;
        return Task.CompletedTask;
    }
}
