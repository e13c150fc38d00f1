using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Sla;

/// <summary>
/// The first-touch clock of one assignment (DESIGN §4). It keeps the deadline it started with, so
/// a configuration change applies to clocks started after it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FirstTouchClock(
    [property: Id(0)] DateTimeOffset StartedAt,
    [property: Id(1)] DateTimeOffset WarnAt,
    [property: Id(2)] DateTimeOffset DueAt,
    [property: Id(3)] bool Warned = false)
{
    public static FirstTouchClock Start(LeadPriority priority, SlaConfig sla, DateTimeOffset now)
    {
        var window = priority == LeadPriority.High ? sla.FirstTouch.High : sla.FirstTouch.Normal;
        return new FirstTouchClock(now, now + (window * sla.WarningFraction), now + window);
    }
}
