using LeadGrains.Domain.Leads;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Grains.Telemetry;

/// <summary>
/// Turns a stored lead change into metrics and structured logs. Called once, after the write, so
/// nothing is counted that storage refused. Logs carry lead, rep and pool ids, never the profile.
/// </summary>
public static partial class LeadTelemetry
{
    private const string NoPool = "none";

    public static void Stored(LeadChange change, Lead lead, ILogger logger)
    {
        if (change.Outcome == ChangeOutcome.Created)
        {
            LeadGrainsMetrics.LeadCaptured();
            LogCaptured(logger, lead.LeadId);
        }
        foreach (var activity in change.Activities)
        {
            LeadGrainsMetrics.ActivityRecorded(activity.Type);
        }
        foreach (var stage in change.StageChanges)
        {
            if (stage.To == LeadStage.SalesReady && stage.From.IsMarketing())
            {
                LeadGrainsMetrics.BecameSalesReady(lead.Priority.ToString().ToLowerInvariant());
            }
            else if (stage.To == LeadStage.Nurturing && !stage.From.IsMarketing())
            {
                LeadGrainsMetrics.Recycled(stage.Reason);
            }
            LogStageChanged(logger, lead.LeadId, stage.From.WireName(), stage.To.WireName(), stage.Reason);
        }
        foreach (var entry in change.Entries)
        {
            switch (entry.Type)
            {
                case TimelineTypes.Routed or TimelineTypes.Reassigned:
                    var pool = entry.Routing?.PoolId ?? lead.PoolId ?? NoPool;
                    LeadGrainsMetrics.HandedOff(pool);
                    LogHandedOff(logger, lead.LeadId, lead.OwnerRepId, pool);
                    break;
                case TimelineTypes.SlaWarning:
                    LeadGrainsMetrics.SlaWarned(lead.PoolId ?? NoPool);
                    LogSlaWarning(logger, lead.LeadId, lead.OwnerRepId, lead.PoolId);
                    break;
                case TimelineTypes.SlaBreached:
                    LeadGrainsMetrics.SlaBreached(lead.PoolId ?? NoPool);
                    LogSlaBreached(logger, lead.LeadId, lead.PoolId, lead.Breaches);
                    break;
                case TimelineTypes.Queued:
                    LogQueued(logger, lead.LeadId, lead.PoolId);
                    break;
                case TimelineTypes.Unrouted:
                    LogUnrouted(logger, lead.LeadId);
                    break;
            }
        }
        if (change.FirstTouchBefore is null && lead.FirstTouchAt is { } touched && lead.AssignedAt is { } assigned)
        {
            LeadGrainsMetrics.FirstTouched(touched - assigned);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lead {LeadId} captured")]
    private static partial void LogCaptured(ILogger logger, string leadId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} moved from {FromStage} to {ToStage} ({Reason})")]
    private static partial void LogStageChanged(ILogger logger, string leadId, string fromStage, string toStage, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} handed to rep {RepId} in pool {PoolId}")]
    private static partial void LogHandedOff(ILogger logger, string leadId, string? repId, string poolId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead {LeadId}: first touch by rep {RepId} in pool {PoolId} is due soon")]
    private static partial void LogSlaWarning(ILogger logger, string leadId, string? repId, string? poolId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead {LeadId} breached its first-touch SLA in pool {PoolId} (breach {Breaches})")]
    private static partial void LogSlaBreached(ILogger logger, string leadId, string? poolId, int breaches);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} waits for a rep in pool {PoolId}")]
    private static partial void LogQueued(ILogger logger, string leadId, string? poolId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead {LeadId} is sales-ready but no routing rule matched and no pool catches every lead")]
    private static partial void LogUnrouted(ILogger logger, string leadId);
}
