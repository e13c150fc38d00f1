using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace LeadGrains.Storage;

public static class SiloBuilderPostgresExtensions
{
    /// <summary>
    /// Uses PostgreSQL, through Orleans' ADO.NET providers, for clustering, grain state (the default
    /// provider and the names in <see cref="PostgresOrleansOptions.DefaultGrainStorageNames"/>) and reminders.
    /// The database must have been migrated with <see cref="SchemaMigrator"/>. ClusterId and ServiceId
    /// still come from the host's <see cref="ClusterOptions"/>.
    /// </summary>
    public static ISiloBuilder UseLeadGrainsPostgres(this ISiloBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseLeadGrainsPostgres(options => options.ConnectionString = connectionString);
    }

    public static ISiloBuilder UseLeadGrainsPostgres(this ISiloBuilder builder, Action<PostgresOrleansOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        var options = new PostgresOrleansOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("A PostgreSQL connection string is required.", nameof(configure));
        }

        var connectionString = options.ConnectionString;
        if (options.UseClustering)
        {
            builder.UseAdoNetClustering((AdoNetClusteringSiloOptions o) =>
            {
                o.Invariant = PostgresOrleansOptions.Invariant;
                o.ConnectionString = connectionString;
            });
        }

        // Orleans' binary serializer, not the provider's default Newtonsoft JSON: that one cannot read back a
        // collection whose runtime type is compiler-made (a C# collection expression) and skips members that hold
        // their default value. The binary form is the one grain calls use, and its [Id]s make it version tolerant.
        void ConfigureStorage(OptionsBuilder<AdoNetGrainStorageOptions> storage) =>
            storage.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = PostgresOrleansOptions.Invariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            });

        builder.AddAdoNetGrainStorageAsDefault(ConfigureStorage);
        foreach (var name in options.GrainStorageNames.Distinct(StringComparer.Ordinal))
        {
            builder.AddAdoNetGrainStorage(name, ConfigureStorage);
        }

        if (options.UseReminders)
        {
            builder.UseAdoNetReminderService((AdoNetReminderTableOptions o) =>
            {
                o.Invariant = PostgresOrleansOptions.Invariant;
                o.ConnectionString = connectionString;
            });
        }

        return builder;
    }
}
