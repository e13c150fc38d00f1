namespace LeadGrains.Abstractions.Webhooks;

/// <summary>
/// One inbound CRM delivery, keyed by its <c>deliveryId</c>: remembers, durably and for a retention period,
/// that it was applied, so that a repeat is acknowledged and applied once (DESIGN §7).
/// </summary>
public interface ICrmDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Claims the delivery for applying; says instead whether it was applied already or is being applied now.</summary>
    Task<CrmDeliveryClaim> ClaimAsync(TimeSpan retention);

    /// <summary>Records, durably, that the claimed delivery was applied.</summary>
    Task RecordAppliedAsync();

    /// <summary>Gives up a claim whose applying failed, so that the sender's retry applies it.</summary>
    Task ReleaseAsync();
}

public enum CrmDeliveryClaim
{
    Claimed,
    AlreadyApplied,
    InProgress,
}
