using LeadGrains.Domain.Simulation;

namespace LeadGrains.Grains.Events;

/// <summary>
/// The append-only record of every input that changed a lead (DESIGN §6), which
/// <c>POST /config/simulate</c> replays under a proposed configuration. The lead grain appends before
/// it stores the change, so an acknowledged change is always in the log; a write that fails after the
/// append, or is applied again after an ETag race, may leave an event recorded twice or for a change
/// that was never acknowledged, which the replay tolerates (<see cref="LeadHistory.Of"/> dedupes by event id).
/// </summary>
public interface IEventLog
{
    /// <summary>Durably records the event; completes once it is stored.</summary>
    Task AppendAsync(LeadEvent leadEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// The full history, up to <paramref name="to"/> (exclusive), of every lead with any event in
    /// [<paramref name="from"/>, <paramref name="to"/>), one lead at a time: memory stays proportional to one lead.
    /// </summary>
    IAsyncEnumerable<LeadHistory> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
