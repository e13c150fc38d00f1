using Orleans.Configuration;

namespace LeadGrains.Host.Hosting;

public static class SiloIdentity
{
    /// <summary>Names the silo as configured (in Kubernetes, after its pod), so the dashboard, logs and traces agree.</summary>
    public static ISiloBuilder UseLeadGrainsSiloName(this ISiloBuilder silo, LeadGrainsOptions settings)
    {
        if (settings.SiloName is { Length: > 0 } name)
        {
            silo.Configure<SiloOptions>(options => options.SiloName = name);
        }
        return silo;
    }
}
