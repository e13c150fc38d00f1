using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Grains.Reports;

/// <summary>Flushes the silo's <see cref="ReportFeed"/> every second, and once more as the silo stops.</summary>
public sealed partial class ReportFeedFlusher(ReportFeed feed, TimeProvider time, ILogger<ReportFeedFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryFlushAsync(cancellationToken);
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await feed.FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Kept and resent on the next tick; the silo may still be starting or stopping.
            LogFlushFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report facts could not be added yet; they are kept and resent")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
