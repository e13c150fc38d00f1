using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Simulation;

namespace LeadGrains.Domain.Tests.Simulation;

/// <summary>Hand-built lead histories, as the event log would record them.</summary>
internal sealed class Histories
{
    public static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = From.AddDays(30);

    private readonly List<LeadEvent> _events = [];
    private readonly string _leadId;

    private Histories(string leadId) => _leadId = leadId;

    /// <summary>VP at a 2,500-person software company in the US: fit 55 under the default model.</summary>
    public static LeadProfile GoodFit(string name, string domain = "bigco.com") => new()
    {
        Email = $"{name}@{domain}", Title = "VP Sales", Employees = 2500, Industry = "Software", Country = "US",
    };

    public static Histories Lead(string leadId, LeadProfile profile, DateTimeOffset at)
    {
        var history = new Histories(leadId);
        history._events.Add(LeadEvent.Capture(leadId, profile, at, at));
        return history;
    }

    public Histories Activity(string eventId, string type, DateTimeOffset at)
    {
        _events.Add(LeadEvent.Of(_leadId, new ActivityRecord(eventId, type, at)));
        return this;
    }

    public Histories Sales(string eventId, SalesActionType action, DateTimeOffset at, decimal? amount = null, string repId = "ann")
    {
        _events.Add(LeadEvent.Of(_leadId, new SalesActionRecord(eventId, action, repId, null, amount, at)));
        return this;
    }

    /// <summary>The same event recorded again, as after an ETag re-apply.</summary>
    public Histories Again()
    {
        _events.Add(_events[^1]);
        return this;
    }

    public LeadHistory Build() => LeadHistory.Of(_leadId, _events);
}
