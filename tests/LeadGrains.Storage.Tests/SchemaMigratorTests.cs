using System.Data;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using LeadGrains.Testing;
using Npgsql;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;

namespace LeadGrains.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServerFixture postgres)
{
    /// <summary>Every OrleansQuery key the 10.4.2 ADO.NET providers read. The Cleanup*Entry* and DeleteStorage keys are optional there.</summary>
    public static readonly string[] OrleansQueryKeys =
    [
        "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private readonly SchemaMigrator _migrator = new();

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        var database = await postgres.CreateDatabaseAsync();

        var first = await _migrator.MigrateAsync(database, CancellationToken.None);
        var second = await _migrator.MigrateAsync(database, CancellationToken.None);

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), first.Applied.Select(s => s.Version));
        Assert.Empty(second.Applied);
        Assert.Equal(SchemaMigrator.BinaryVersion, second.SchemaVersion);
        var recorded = await Db.QueryListAsync<int>(database, "SELECT version FROM leadgrains_schema_version ORDER BY version");
        Assert.Equal([1, 2, 3, 4, 5, 6], recorded);
    }

    [Fact]
    public async Task Concurrent_migrations_apply_each_script_once()
    {
        var database = await postgres.CreateDatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _migrator.MigrateAsync(database, CancellationToken.None)));

        Assert.Equal(SchemaMigrator.Scripts.Count, results.Sum(r => r.Applied.Count));
        Assert.All(results, r => Assert.Equal(SchemaMigrator.BinaryVersion, r.SchemaVersion));
    }

    [Fact]
    public async Task Scripts_are_idempotent_on_their_own()
    {
        var database = await postgres.CreateDatabaseAsync();
        await _migrator.MigrateAsync(database, CancellationToken.None);

        // As an operator would when re-running a script by hand: nothing fails, nothing is duplicated.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var script in SchemaMigrator.Scripts)
        {
            await using var command = new NpgsqlCommand(script.Sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        var keys = await Db.QueryListAsync<string>(database, "SELECT QueryKey FROM OrleansQuery");
        Assert.Equal(OrleansQueryKeys.Length, keys.Count);
    }

    [Fact]
    public async Task Expected_indexes_exist()
    {
        var database = await postgres.CreateDatabaseAsync();
        await _migrator.MigrateAsync(database, CancellationToken.None);

        var indexes = (await Db.QueryListAsync<string>(database,
                "SELECT tablename || '.' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()"))
            .ToDictionary(i => i[..i.IndexOf(' ', StringComparison.Ordinal)], i => i[(i.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.Contains("orleansquery.orleansquery_key", indexes.Keys);
        Assert.Contains("orleansmembershiptable.pk_membershiptable_deploymentid", indexes.Keys);
        Assert.Contains("orleansmembershipversiontable.pk_orleansmembershipversiontable_deploymentid", indexes.Keys);
        Assert.Contains("orleansreminderstable.pk_reminderstable_serviceid_grainid_remindername", indexes.Keys);
        Assert.Contains("(serviceid, grainhash)", indexes["orleansreminderstable.ix_reminderstable_serviceid_grainhash"]);
        var storage = indexes["orleansstorage.ux_orleansstorage_grain"];
        Assert.StartsWith("CREATE UNIQUE INDEX", storage);
        Assert.Contains("NULLS NOT DISTINCT", storage);
        Assert.Contains("(occurred_at)", indexes["leadgrains_events.ix_leadgrains_events_occurred_at"]);
        Assert.Contains("leadgrains_events.pk_leadgrains_events", indexes.Keys);
        Assert.Contains("(due_at)", indexes["leadgrains_deadlines.ix_leadgrains_deadlines_due_at"]);
        Assert.Contains("(lead_id, kind)", indexes["leadgrains_deadlines.pk_leadgrains_deadlines"]);
        Assert.Contains("leadgrains_schema_version.pk_leadgrains_schema_version", indexes.Keys);
    }

    [Fact]
    public async Task OrleansQuery_has_every_key_the_providers_read()
    {
        var database = await postgres.CreateDatabaseAsync();
        await _migrator.MigrateAsync(database, CancellationToken.None);

        var keys = await Db.QueryListAsync<string>(database, "SELECT QueryKey FROM OrleansQuery");

        Assert.Equal(OrleansQueryKeys.Order(), keys.Order());
        Assert.Subset(keys.ToHashSet(), RequiredKeysDeclaredByProviders().ToHashSet());
    }

    [Fact]
    public async Task Grain_storage_unique_key_makes_a_racing_first_write_lose_instead_of_failing()
    {
        var database = await postgres.CreateDatabaseAsync();
        await _migrator.MigrateAsync(database, CancellationToken.None);
        var writeText = (await Db.QueryListAsync<string>(database, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"))[0];

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();

        async Task<object?> WriteAsync(int? version)
        {
            // Parameter types as AdoNetGrainStorage 10.4.2 binds them.
            await using var command = new NpgsqlCommand(writeText, connection);
            command.Parameters.Add(new NpgsqlParameter("GrainIdHash", DbType.Int32) { Value = 42 });
            command.Parameters.Add(new NpgsqlParameter("GrainIdN0", DbType.Int64) { Value = 0L });
            command.Parameters.Add(new NpgsqlParameter("GrainIdN1", DbType.Int64) { Value = 0L });
            command.Parameters.Add(new NpgsqlParameter("GrainTypeHash", DbType.Int32) { Value = 7 });
            command.Parameters.Add(new NpgsqlParameter("GrainTypeString", DbType.String) { Value = "probe" });
            command.Parameters.Add(new NpgsqlParameter("GrainIdExtensionString", DbType.String) { Value = DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("ServiceId", DbType.String) { Value = "svc" });
            command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", DbType.Int32) { Value = (object?)version ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("PayloadBinary", DbType.Binary) { Value = new byte[] { 1, 2, 3 } });
            return await command.ExecuteScalarAsync();
        }

        Assert.Equal(1, await WriteAsync(null));
        Assert.Equal(DBNull.Value, await WriteAsync(null));
        Assert.Equal(2, await WriteAsync(1));
        Assert.Equal(1, await WriteAsync(1));
        var rows = await Db.QueryListAsync<long>(database, "SELECT count(*) FROM OrleansStorage");
        Assert.Equal(1L, rows[0]);
    }

    [Fact]
    public async Task Plural_cleanup_query_removes_only_long_dead_silos()
    {
        var database = await postgres.CreateDatabaseAsync();
        await _migrator.MigrateAsync(database, CancellationToken.None);
        await Db.ExecuteAsync(database, """
            INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('c');
            INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
            VALUES ('c', '10.0.0.1', 1, 1, 'dead', 'h', 6, 0, now() - interval '2 days', now() - interval '2 days'),
                   ('c', '10.0.0.1', 2, 1, 'active', 'h', 3, 0, now() - interval '2 days', now() - interval '2 days'),
                   ('c', '10.0.0.1', 3, 1, 'recent', 'h', 6, 0, now(), now());
            """);
        var cleanup = (await Db.QueryListAsync<string>(database, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'"))[0];

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(cleanup, connection);
            command.Parameters.Add(new NpgsqlParameter("DeploymentId", DbType.String) { Value = "c" });
            command.Parameters.Add(new NpgsqlParameter("IAmAliveTime", DbType.DateTime) { Value = DateTime.UtcNow.AddDays(-1) });
            await command.ExecuteNonQueryAsync();
        }

        var left = await Db.QueryListAsync<string>(database, "SELECT SiloName FROM OrleansMembershipTable ORDER BY SiloName");
        Assert.Equal(["active", "recent"], left);
    }

    [Fact]
    public async Task Check_reports_older_on_an_empty_database_and_current_after_migrating()
    {
        var database = await postgres.CreateDatabaseAsync();

        var before = await _migrator.CheckAsync(database, CancellationToken.None);
        await _migrator.MigrateAsync(database, CancellationToken.None);
        var after = await _migrator.CheckAsync(database, CancellationToken.None);

        Assert.Equal(SchemaState.Older, before.State);
        Assert.Null(before.DatabaseVersion);
        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), before.MissingVersions);
        Assert.Equal(SchemaState.Current, after.State);
        Assert.Equal(SchemaMigrator.BinaryVersion, after.DatabaseVersion);
        Assert.Empty(after.MissingVersions);
        Assert.Empty(after.UnknownVersions);
    }

    [Fact]
    public async Task Check_reports_older_when_a_script_is_missing_and_newer_when_the_database_is_ahead()
    {
        var database = await postgres.CreateDatabaseAsync();
        await _migrator.MigrateAsync(database, CancellationToken.None);

        await Db.ExecuteAsync(database, "DELETE FROM leadgrains_schema_version WHERE version = 5");
        var older = await _migrator.CheckAsync(database, CancellationToken.None);
        await _migrator.MigrateAsync(database, CancellationToken.None);
        await Db.ExecuteAsync(database, "INSERT INTO leadgrains_schema_version (version, name) VALUES (9999, 'from_the_future')");
        var newer = await _migrator.CheckAsync(database, CancellationToken.None);

        Assert.Equal(SchemaState.Older, older.State);
        Assert.Equal([5], older.MissingVersions);
        Assert.Equal(SchemaState.Newer, newer.State);
        Assert.Equal([9999], newer.UnknownVersions);
        Assert.Equal(9999, newer.DatabaseVersion);
    }

    [Fact]
    public async Task An_unreachable_database_gives_a_one_line_error_naming_host_and_port()
    {
        var port = ClosedLoopbackPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Username=leadgrains;Password=s3cret-pw;Database=leadgrains;Timeout=5";

        var migrate = await Assert.ThrowsAsync<DatabaseUnreachableException>(
            () => _migrator.MigrateAsync(connectionString, CancellationToken.None));
        var check = await Assert.ThrowsAsync<DatabaseUnreachableException>(
            () => _migrator.CheckAsync(connectionString, CancellationToken.None));

        foreach (var error in new[] { migrate, check })
        {
            Assert.Contains($"127.0.0.1:{port}", error.Message);
            Assert.DoesNotContain("s3cret-pw", error.Message);
            Assert.DoesNotContain('\n', error.Message);
            Assert.DoesNotContain('\r', error.Message);
            Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
            Assert.Equal("127.0.0.1", error.Host);
            Assert.Equal(port, error.Port);
        }
    }

    /// <summary>
    /// The keys the 10.4.2 assemblies themselves insist on, read from them so an Orleans upgrade that
    /// adds one fails here rather than at silo start.
    /// </summary>
    private static List<string> RequiredKeysDeclaredByProviders()
    {
        static IEnumerable<string> StoredQueryProperties(Assembly assembly, string typeName) =>
            (assembly.GetType(typeName, throwOnError: true)!)
                .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
                .Select(p => p.Name);

        var clustering = StoredQueryProperties(typeof(AdoNetClusteringTable).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries");
        var reminders = StoredQueryProperties(
            typeof(Orleans.Configuration.AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries");
        var persistence = Regex.Matches(AdoNetGrainStorage.DefaultInitializationQuery, "'(?<key>[A-Za-z0-9]+Key)'")
            .Select(m => m.Groups["key"].Value);
        var required = clustering.Concat(reminders).Concat(persistence).ToList();
        Assert.NotEmpty(required);
        return required;
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
