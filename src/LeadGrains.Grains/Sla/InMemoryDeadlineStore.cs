using System.Collections.Concurrent;

namespace LeadGrains.Grains.Sla;

/// <summary>The embedded default: deadlines in this process, as durable as the in-memory grain storage beside them.</summary>
public sealed class InMemoryDeadlineStore : IDeadlineStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

    public Task SetAsync(string leadId, DateTimeOffset? dueAt, CancellationToken cancellationToken = default)
    {
        if (dueAt is { } due)
        {
            _due[leadId] = due;
        }
        else
        {
            _due.TryRemove(leadId, out _);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _due.Where(pair => pair.Value <= now).OrderBy(pair => pair.Value).Take(limit).Select(pair => pair.Key)]);
}
