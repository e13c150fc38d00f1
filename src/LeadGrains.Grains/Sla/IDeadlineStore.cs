namespace LeadGrains.Grains.Sla;

/// <summary>
/// The durable record of which leads have an open deadline and when the next one falls due.
/// Each lead keeps one row (its next deadline), written only when that moment moves; a sweeper
/// reads the rows that fell due and wakes those leads. This is how deadlines survive a restart or
/// failover without one Orleans reminder per lead (reminders reload a silo's whole range every few
/// minutes, and registering one per assignment is a write to the reminders table each time).
/// </summary>
public interface IDeadlineStore
{
    /// <summary>Records the lead's next deadline, or forgets the lead when it has none.</summary>
    Task SetAsync(string leadId, DateTimeOffset? dueAt, CancellationToken cancellationToken = default);

    /// <summary>Leads whose next deadline is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);
}
