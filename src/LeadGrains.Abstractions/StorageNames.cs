namespace LeadGrains.Abstractions;

/// <summary>
/// Grain storage providers by what they hold. Each grain type also has its own state name,
/// because ADO.NET storage keys rows by grain key and state name.
/// </summary>
public static class StorageNames
{
    public const string Leads = "leads";
    public const string Reps = "reps";
    public const string Config = "config";
    public const string Indexes = "indexes";
    public const string Pools = "pools";
    public const string Reports = "reports";

    public static readonly IReadOnlyList<string> All = [Leads, Reps, Config, Indexes, Pools, Reports];
}
