using System.Data;
using System.Net;
using System.Net.Sockets;
using LeadGrains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace LeadGrains.Storage.Tests;

/// <summary>
/// A real silo on the migrated database, using only Orleans' ADO.NET providers: if the schema breaks the
/// provider contract anywhere on these paths, the silo fails to start or the calls below throw.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansRoundTripTests(PostgresServerFixture postgres)
{
    private const string ServiceId = "leadgrains-storage-tests";

    [Fact(Timeout = 300_000)]
    public async Task Grain_state_and_reminders_survive_a_silo_restart()
    {
        var database = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator().MigrateAsync(database, CancellationToken.None);
        var clusterId = $"storage-tests-{Guid.NewGuid():N}"[..24];

        using (var first = await StartSiloAsync(database, clusterId))
        {
            var probe = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeGrain>("lead-1");
            await probe.SetAsync("first");
            await probe.SetAsync("second");
            Assert.Equal("follow-up", await probe.RegisterReminderAsync("follow-up"));
            await probe.DeactivateAsync();

            Assert.Equal("second", (await probe.GetAsync()).Value);
            Assert.True(await probe.HasReminderAsync("follow-up"));
            await first.StopAsync();
        }

        var states = await Db.QueryListAsync<string>(database,
            "SELECT GrainTypeString || ':' || Version FROM OrleansStorage WHERE GrainIdExtensionString = 'lead-1' ORDER BY 1");
        Assert.Equal(["probe-default:2", "probe:2"], states);
        var reminders = await Db.QueryListAsync<string>(database,
            $"SELECT GrainId || '/' || ReminderName FROM OrleansRemindersTable WHERE ServiceId = '{ServiceId}'");
        Assert.Equal(["probe/lead-1/follow-up"], reminders);

        using (var second = await StartSiloAsync(database, clusterId))
        {
            var grains = second.Services.GetRequiredService<IGrainFactory>();
            var probe = grains.GetGrain<IProbeGrain>("lead-1");

            var state = await probe.GetAsync();
            Assert.Equal("second", state.Value);
            Assert.Equal(2, state.Writes);
            Assert.Equal("second", await probe.GetDefaultProviderValueAsync());
            Assert.True(await probe.HasReminderAsync("follow-up"));

            // Orleans 10.4.2's ADO.NET storage keys a row by state name, grain key and ServiceId, not by
            // grain type: another grain type with the same key and state name sees the same state.
            Assert.Equal("second", await grains.GetGrain<IProbeTwinGrain>("lead-1").GetAsync());

            await probe.ClearAsync();
            Assert.Null((await probe.GetAsync()).Value);
            await probe.SetAsync("after-clear");
            Assert.Equal("after-clear", (await probe.GetAsync()).Value);

            await probe.UnregisterReminderAsync("follow-up");
            Assert.False(await probe.HasReminderAsync("follow-up"));
            await probe.RegisterReminderAsync("again");

            var reminderTable = second.Services.GetRequiredService<IReminderTable>();
            Assert.Single((await reminderTable.ReadRows(unchecked((uint)int.MinValue), int.MaxValue)).Reminders);
            Assert.Single((await reminderTable.ReadRows(5, 5)).Reminders);

            await AssertGatewayListedAsync(database, clusterId);

            var membership = second.Services.GetRequiredService<IMembershipTable>();
            var members = (await membership.ReadAllAsync()).Members.Select(m => m.Item1.Status).ToList();
            Assert.Contains(SiloStatus.Dead, members);
            Assert.Contains(SiloStatus.Active, members);
            await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
            members = (await membership.ReadAllAsync()).Members.Select(m => m.Item1.Status).ToList();
            Assert.Equal([SiloStatus.Active], members);

            await reminderTable.TestOnlyClearTable();
            Assert.Empty((await reminderTable.ReadRows(5, 5)).Reminders);

            await second.StopAsync();
            await membership.DeleteMembershipTableEntriesAsync(clusterId);
        }

        var leftovers = await Db.QueryListAsync<long>(database,
            "SELECT (SELECT count(*) FROM OrleansMembershipTable) + (SELECT count(*) FROM OrleansMembershipVersionTable)");
        Assert.Equal(0L, leftovers[0]);
    }

    private static async Task AssertGatewayListedAsync(string database, string clusterId)
    {
        var query = (await Db.QueryListAsync<string>(database, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'"))[0];
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        command.Parameters.Add(new NpgsqlParameter("DeploymentId", DbType.String) { Value = clusterId });
        command.Parameters.Add(new NpgsqlParameter("Status", DbType.Int32) { Value = (int)SiloStatus.Active });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("127.0.0.1", reader.GetString(reader.GetOrdinal("Address")));
        Assert.True(reader.GetInt32(reader.GetOrdinal("ProxyPort")) > 0);
        Assert.False(await reader.ReadAsync());
    }

    private static async Task<IHost> StartSiloAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreeLoopbackPort(), FreeLoopbackPort());
            silo.UseLeadGrainsPostgres(connectionString);
        });

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
