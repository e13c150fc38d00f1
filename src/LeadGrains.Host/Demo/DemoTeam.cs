using LeadGrains.Domain.Configuration;
using LeadGrains.Host.Reps;

namespace LeadGrains.Host.Demo;

/// <summary>
/// What demo mode installs before it streams: regional pools with a catch-all, service levels short
/// enough that warnings, breaches, reassignments and stalls show within minutes, and a sales team
/// of different weights, capacities and territories with one rep on leave.
/// </summary>
public static class DemoTeam
{
    public const string ManagerDomain = "leadgrains.example";

    /// <summary>The rep who is out of office when the demo starts, and for how long.</summary>
    public const string OnLeave = "na-noah";
    public static readonly TimeSpan LeaveLength = TimeSpan.FromMinutes(20);

    public static readonly IReadOnlyList<string> Pools = ["na", "emea", "apac", "general"];

    /// <summary>The demo configuration on top of the live one's <paramref name="version"/>: the shipped scoring plus a competitor.</summary>
    public static EngineConfig Config(long version) => DefaultConfig.Create() with
    {
        Version = version,
        Scoring = DefaultConfig.Scoring with
        {
            Disqualify = DefaultConfig.Scoring.Disqualify with { Domains = DemoCatalog.CompetitorDomains },
        },
        Routing = new RoutingConfig
        {
            Pools =
            [
                Pool("na", "country", "US", "CA"),
                Pool("emea", "region", "EMEA"),
                Pool("apac", "region", "APAC"),
                new PoolRule { Id = "general", ManagerEmail = Manager("general") },
            ],
            AccountMatch = true,
        },
        Sla = new SlaConfig
        {
            FirstTouch = new FirstTouchSla { High = TimeSpan.FromMinutes(2), Normal = TimeSpan.FromMinutes(5) },
            WarningFraction = 0.5,
            MaxBreaches = 2,
            OnExhausted = ExhaustedAction.Recycle,
            Stall = new Dictionary<string, TimeSpan>
            {
                ["qualifying"] = TimeSpan.FromMinutes(5),
                ["assigned"] = TimeSpan.FromMinutes(12),
                ["working"] = TimeSpan.FromMinutes(6),
                ["opportunity"] = TimeSpan.FromMinutes(8),
            },
        },
    };

    /// <summary>The sales team, by rep id.</summary>
    public static readonly IReadOnlyList<(string RepId, RepRequest Rep)> Reps =
    [
        Rep("na-olivia", "Olivia Bennett", "na", capacity: 25, weight: 3, "US"),
        Rep("na-liam", "Liam Carter", "na", capacity: 20, weight: 2, "US"),
        Rep("na-emma", "Emma Tremblay", "na", capacity: 15, weight: 1, "CA", "US"),
        Rep(OnLeave, "Noah Alvarez", "na", capacity: 20, weight: 2, "US"),
        Rep("emea-sophie", "Sophie Walsh", "emea", capacity: 20, weight: 2, "GB", "IE"),
        Rep("emea-lukas", "Lukas Becker", "emea", capacity: 20, weight: 2, "DE", "NL", "SE"),
        Rep("emea-camille", "Camille Laurent", "emea", capacity: 12, weight: 1, "FR", "ES"),
        Rep("apac-priya", "Priya Raman", "apac", capacity: 20, weight: 2, "IN", "SG"),
        Rep("apac-kenji", "Kenji Sato", "apac", capacity: 12, weight: 1, "JP"),
        Rep("apac-jack", "Jack Morgan", "apac", capacity: 10, weight: 1, "AU"),
        Rep("general-mateo", "Mateo Silva", "general", capacity: 30, weight: 1),
        Rep("general-zoe", "Zoe Fischer", "general", capacity: 30, weight: 1),
    ];

    private static PoolRule Pool(string id, string field, params string[] values) => new()
    {
        Id = id,
        Match = new Dictionary<string, IReadOnlyList<string>> { [field] = values },
        ManagerEmail = Manager(id),
    };

    private static (string, RepRequest) Rep(string repId, string name, string pool, int capacity, int weight, params string[] territories) =>
        (repId, new RepRequest
        {
            Name = name,
            Email = $"{repId}@{ManagerDomain}",
            Pools = [pool],
            Capacity = capacity,
            Weight = weight,
            Territories = territories,
            ManagerEmail = Manager(pool),
            Active = true,
        });

    private static string Manager(string pool) => $"{pool}-manager@{ManagerDomain}";
}
