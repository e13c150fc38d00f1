using LeadGrains.Abstractions.Reports;
using LeadGrains.Domain.Reports;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Grains.Reports;

/// <summary>
/// Gathers the report facts of every lead change on this silo and adds them to the day grains in
/// one batch per flush (every second, and before a report is read here), so that reporting costs a
/// lead change a dictionary update, not a grain call. Batches are numbered and resent in order
/// until added, and day grains ignore a batch they already added.
/// </summary>
public sealed partial class ReportFeed(IGrainFactory grains, ILogger<ReportFeed> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Queue<(long Sequence, ReportDelta Delta)> _unsent = new();
    private ReportDelta _pending = new();
    private long _sequence;

    /// <summary>Names this silo's batches; a restarted silo is a new feed.</summary>
    public string FeedId { get; } = Guid.NewGuid().ToString("N");

    public void Add(ReportDelta delta)
    {
        lock (_gate)
        {
            _pending.Merge(delta);
        }
    }

    /// <summary>Adds everything gathered so far to the aggregates; throws if a batch could not be added (it is kept and resent).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                if (!_pending.IsEmpty)
                {
                    _unsent.Enqueue((++_sequence, _pending));
                    _pending = new ReportDelta();
                }
            }
            while (_unsent.TryPeek(out var batch))
            {
                await SendAsync(batch.Sequence, batch.Delta);
                _unsent.Dequeue();
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task SendAsync(long sequence, ReportDelta delta)
    {
        var sends = delta.Days.Select(day => grains.GetGrain<IReportDayGrain>(IReportDayGrain.Key(day.Key)).AddAsync(FeedId, sequence, day.Value)).ToList();
        if (delta.Open.Count > 0)
        {
            sends.Add(grains.GetGrain<ICurrentLeadsGrain>(ICurrentLeadsGrain.Key).AddAsync(FeedId, sequence, delta.Open));
        }
        await Task.WhenAll(sends);
        LogFlushed(logger, sequence, delta.Days.Count);
    }

    public void Dispose() => _flushing.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report batch {Sequence} added ({Days} days)")]
    private static partial void LogFlushed(ILogger logger, long sequence, int days);
}
