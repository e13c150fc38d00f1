using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Grains.Leads;

/// <summary>
/// Finds the lead a capture belongs to (same CRM id, else same normalized email, DESIGN §7) and
/// hands the capture to it. Shared by the HTTP API and batch ingest.
/// </summary>
public sealed class LeadIntake(IGrainFactory grains)
{
    public async Task<CaptureResult> CaptureAsync(LeadProfile profile, DateTimeOffset? capturedAt)
    {
        profile = profile with { Email = EmailAddress.Normalize(profile.Email), CrmId = profile.CrmId?.Trim() };
        var leadId = await ResolveAsync(profile);
        return await grains.GetGrain<ILeadGrain>(leadId).CaptureAsync(profile, capturedAt);
    }

    /// <summary>The lead id for a normalized email, or null when no lead has it.</summary>
    public Task<string?> FindByEmailAsync(string email) =>
        grains.GetGrain<ILeadIndexGrain>(LeadKeys.Email(EmailAddress.Normalize(email))).GetAsync();

    private async Task<string> ResolveAsync(LeadProfile profile)
    {
        if (profile.CrmId is { Length: > 0 } crmId
            && await grains.GetGrain<ILeadIndexGrain>(LeadKeys.CrmId(crmId)).GetAsync() is { } byCrm)
        {
            return byCrm;
        }
        return await grains.GetGrain<ILeadIndexGrain>(LeadKeys.Email(profile.Email)).ClaimAsync(NewLeadId());
    }

    private static string NewLeadId() => Guid.CreateVersion7().ToString("N");
}
