using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Grains.Tests.Routing;

/// <summary>Makes leads sales-ready the way production does: capture, then engagement.</summary>
public static class LeadFactory
{
    public static async Task<LeadView> SalesReadyAsync(ClusterFixture fixture, string campaign, bool high = false, string? domain = null, string? country = null)
    {
        var email = $"lead.{Guid.NewGuid():N}@{domain ?? $"co{Guid.NewGuid():N}.com"}";
        var profile = new LeadProfile
        {
            Email = email, Title = "VP Sales", Employees = 2500, Industry = "Software", Country = country ?? "US", Campaign = campaign,
        };
        var lead = (await fixture.Intake.CaptureAsync(profile, null)).Lead;
        var activity = new ActivityRecord($"ready-{Guid.NewGuid():N}", high ? ActivityTypes.DemoRequest : ActivityTypes.WebinarAttended, fixture.Time.GetUtcNow());
        var grain = fixture.Grains.GetGrain<ILeadGrain>(lead.LeadId);
        await grain.RecordActivityAsync(activity);
        return (await grain.GetAsync())!;
    }

    public static Task<LeadView?> GetAsync(ClusterFixture fixture, string leadId) => fixture.Grains.GetGrain<ILeadGrain>(leadId).GetAsync();

    public static async Task<SalesActionResponse> ActAsync(ClusterFixture fixture, LeadView lead, SalesActionType action, string? repId = null, decimal? amount = null) =>
        (await fixture.Grains.GetGrain<ILeadGrain>(lead.LeadId).ApplySalesActionAsync(
            new SalesActionRecord($"act-{Guid.NewGuid():N}", action, repId ?? lead.OwnerRepId!, "test", amount, fixture.Time.GetUtcNow())))!;

    /// <summary>Polls until <paramref name="condition"/> holds: one-way queue offers arrive a moment after the call that freed capacity.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
