using System.Diagnostics;
using OpenTelemetry;
using OrleansActivitySources = Orleans.Diagnostics.ActivitySources;

namespace LeadGrains.Host.Hosting;

/// <summary>
/// Leaves out the traces that the Orleans runtime starts on its own (membership heartbeats, dashboard
/// polling, reminder table reads, activations of system grains): every few seconds on every silo, they
/// would bury the traces of requests. Runtime spans inside a request's trace are kept. Must run
/// before the exporters, which skip a span that is not recorded, as the sampler does its children.
/// </summary>
public sealed class OrleansBackgroundSpanFilter : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.ParentSpanId == default && data.Source.Name is OrleansActivitySources.RuntimeActivitySourceName or OrleansActivitySources.LifecycleActivitySourceName)
        {
            data.IsAllDataRequested = false;
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
