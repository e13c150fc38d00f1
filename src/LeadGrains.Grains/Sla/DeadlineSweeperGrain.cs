using LeadGrains.Abstractions.Leads;
using LeadGrains.Abstractions.Sla;

namespace LeadGrains.Grains.Sla;

/// <summary>
/// Wakes leads whose deadline fell due while nobody held them active (a restart, a failover, a
/// deactivation). One per cluster, kept alive by a single reminder; a lead that is active acts on
/// its own timer to the second, and a woken one acts at once. Waking is harmless when the lead
/// already acted: its policy reads its state.
/// </summary>
public sealed class DeadlineSweeperGrain(IDeadlineStore deadlines, TimeProvider time) : Grain, IDeadlineSweeperGrain, IRemindable
{
    // Woken leads update their rows as they act, so the next sweep sees the rest; a batch is a minute's work.
    public const int BatchSize = 10_000;
    private const string SweepReminder = "sweep";
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Registers the reminder and sweeps at once, so deadlines that fell due while the cluster was down are acted on as it starts.</summary>
    public async Task StartAsync()
    {
        await this.RegisterOrUpdateReminder(SweepReminder, SweepPeriod, SweepPeriod);
        await SweepAsync();
    }

    public async Task<int> SweepAsync()
    {
        var due = await deadlines.DueAsync(time.GetUtcNow(), BatchSize);
        foreach (var leadId in due)
        {
            await GrainFactory.GetGrain<ILeadGrain>(leadId).WakeAsync();
        }
        return due.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync();
}
