namespace LeadGrains.LoadTest.Workloads;

public static class WorkloadFactory
{
    public static IWorkload Create(LoadOptions options, HttpClient client)
    {
        var profiles = new LeadProfiles(Guid.NewGuid().ToString("N")[..8]);
        return options.Mode switch
        {
            LoadOptions.Activities => new ActivitiesWorkload(client, profiles, options),
            LoadOptions.Captures => new CapturesWorkload(client, profiles, options),
            LoadOptions.Ndjson => new NdjsonWorkload(client, profiles, options),
            LoadOptions.Mix => new MixWorkload(client, profiles, options),
            _ => new HelloWorkload(client, profiles),
        };
    }
}
