namespace LeadGrains.Storage;

/// <summary>How <see cref="SiloBuilderPostgresExtensions.UseLeadGrainsPostgres(Orleans.Hosting.ISiloBuilder, Action{PostgresOrleansOptions})"/> wires Orleans to PostgreSQL.</summary>
public sealed class PostgresOrleansOptions
{
    /// <summary>ADO.NET invariant name Orleans uses to find Npgsql's provider factory.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Grain storage names LeadGrains' grains use, besides the default provider.</summary>
    // The host passes LeadGrains.Abstractions.StorageNames.All; this default mirrors it for callers without the abstractions.
    public static readonly IReadOnlyList<string> DefaultGrainStorageNames = ["leads", "reps", "config", "indexes", "pools", "reports"];

    /// <summary>Npgsql connection string of a database migrated with <see cref="SchemaMigrator"/>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Named grain storage providers to register, all on the same database.</summary>
    public IList<string> GrainStorageNames { get; } = [.. DefaultGrainStorageNames];

    /// <summary>Use the membership table for clustering. Off only where something else provides clustering.</summary>
    public bool UseClustering { get; set; } = true;

    /// <summary>Store reminders in PostgreSQL.</summary>
    public bool UseReminders { get; set; } = true;
}
