using System.Net;
using LeadGrains.Abstractions;
using LeadGrains.Grains.Events;
using LeadGrains.Grains.Sla;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using LeadGrains.Host.Hosting;
using LeadGrains.Storage;
using Orleans.Configuration;

namespace LeadGrains.Host.Storage;

/// <summary>Production mode (DESIGN §9): clustering, grain state and reminders in PostgreSQL, through Orleans' ADO.NET providers.</summary>
public static class PostgresStorageSetup
{
    /// <summary>The name under <c>ConnectionStrings</c>: <c>ConnectionStrings:LeadGrains</c>.</summary>
    public const string ConnectionStringName = "LeadGrains";

    public static ISiloBuilder UseLeadGrainsPostgresStorage(this ISiloBuilder silo, LeadGrainsOptions settings, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(StartupCheck.MissingConnectionString);
        }
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = settings.ClusterId;
            cluster.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(AdvertisedAddress(settings), settings.SiloPort, settings.GatewayPort);
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.RemoveAll<IDeadlineStore>();
        silo.Services.AddSingleton<IDeadlineStore, PostgresDeadlineStore>();
        silo.Services.RemoveAll<IEventLog>();
        silo.Services.AddSingleton<PostgresEventLog>();
        silo.Services.AddSingleton<IEventLog>(services => services.GetRequiredService<PostgresEventLog>());
        silo.UseLeadGrainsPostgres(postgres =>
        {
            postgres.ConnectionString = connectionString;
            postgres.GrainStorageNames.Clear();
            foreach (var name in StorageNames.All)
            {
                postgres.GrainStorageNames.Add(name);
            }
        });
        return silo;
    }

    // Loopback by default, so that silos on one machine find each other without exposing anything.
    private static IPAddress AdvertisedAddress(LeadGrainsOptions settings) =>
        settings.AdvertisedIPAddress is not { Length: > 0 } configured ? IPAddress.Loopback
        : IPAddress.TryParse(configured, out var address) ? address
        : throw new InvalidOperationException($"LeadGrains:AdvertisedIPAddress '{configured}' is not an IP address.");
}
