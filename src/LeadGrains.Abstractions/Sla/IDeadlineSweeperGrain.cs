namespace LeadGrains.Abstractions.Sla;

/// <summary>Wakes leads whose deadlines fell due while they were not active. One per cluster, keyed <see cref="Key"/>.</summary>
public interface IDeadlineSweeperGrain : IGrainWithStringKey
{
    public const string Key = "sla";

    /// <summary>Registers the sweeper's reminder (once a minute) and sweeps once; idempotent.</summary>
    Task StartAsync();

    /// <summary>Wakes every lead with a deadline due now; returns how many.</summary>
    Task<int> SweepAsync();
}
