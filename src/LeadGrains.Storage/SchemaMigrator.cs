using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace LeadGrains.Storage;

/// <summary>
/// Installs Orleans' ADO.NET schema and LeadGrains' own tables from the scripts embedded in this
/// assembly, recording each applied script in <c>leadgrains_schema_version</c>.
/// </summary>
public sealed partial class SchemaMigrator
{
    /// <summary>Minimum server version: the grain storage unique index uses NULLS NOT DISTINCT.</summary>
    public const int MinimumServerMajorVersion = 15;

    // Any fixed key works; it only has to be the same for every process migrating this database.
    private const long AdvisoryLockKey = 0x4C47_5343_4845_4D41;

    private const string VersionTableDdl = """
        CREATE TABLE IF NOT EXISTS leadgrains_schema_version
        (
            version    integer     NOT NULL,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT pk_leadgrains_schema_version PRIMARY KEY (version)
        )
        """;

    private static readonly Lazy<IReadOnlyList<MigrationScript>> EmbeddedScripts = new(LoadScripts);

    /// <summary>The scripts embedded in this binary, in the order they are applied.</summary>
    public static IReadOnlyList<MigrationScript> Scripts => EmbeddedScripts.Value;

    /// <summary>Highest script version embedded in this binary.</summary>
    public static int BinaryVersion => Scripts[^1].Version;

    /// <summary>
    /// Applies every embedded script the database has not recorded yet, each in its own transaction.
    /// Safe to run concurrently from several processes (a PostgreSQL advisory lock serialises them)
    /// and to run again (it then applies nothing).
    /// </summary>
    /// <exception cref="DatabaseUnreachableException">The server cannot be connected to.</exception>
    public async Task<MigrationResult> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connectionString, cancellationToken);
        EnsureSupportedServer(connection);

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, VersionTableDdl, cancellationToken);
            var recorded = await ReadRecordedVersionsAsync(connection, cancellationToken);
            var applied = new List<MigrationScript>();
            foreach (var script in Scripts.Where(s => !recorded.Contains(s.Version)))
            {
                await ApplyAsync(connection, script, cancellationToken);
                applied.Add(script);
                recorded.Add(script.Version);
            }

            return new MigrationResult(applied, recorded.Max());
        }
        finally
        {
            try
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The session is gone, and the server released the lock with it.
            }
        }
    }

    /// <summary>Compares the database's recorded schema versions with this binary's scripts. Changes nothing.</summary>
    /// <exception cref="DatabaseUnreachableException">The server cannot be connected to.</exception>
    public async Task<SchemaStatus> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connectionString, cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT to_regclass('leadgrains_schema_version') IS NOT NULL", connection);
        var hasVersionTable = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
        var recorded = hasVersionTable
            ? await ReadRecordedVersionsAsync(connection, cancellationToken)
            : [];

        var known = Scripts.Select(s => s.Version).ToHashSet();
        var missing = known.Where(v => !recorded.Contains(v)).Order().ToList();
        var unknown = recorded.Where(v => !known.Contains(v)).Order().ToList();
        var state = unknown.Count > 0 ? SchemaState.Newer
            : missing.Count > 0 ? SchemaState.Older
            : SchemaState.Current;
        int? databaseVersion = recorded.Count > 0 ? recorded.Max() : null;
        return new SchemaStatus(state, BinaryVersion, databaseVersion, missing, unknown);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO leadgrains_schema_version (version, name) VALUES ($1, $2)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> ReadRecordedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand("SELECT version FROM leadgrains_schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnreachableException(settings.Host ?? "localhost", settings.Port, ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void EnsureSupportedServer(NpgsqlConnection connection)
    {
        if (connection.PostgreSqlVersion.Major < MinimumServerMajorVersion)
        {
            throw new NotSupportedException(
                $"LeadGrains needs PostgreSQL {MinimumServerMajorVersion} or newer; {connection.Host}:{connection.Port} runs {connection.PostgreSqlVersion}.");
        }
    }

    private static List<MigrationScript> LoadScripts()
    {
        const string prefix = "LeadGrains.Storage.Migrations.";
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[prefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded migration '{resource}' is not named NNNN_name.sql.");
            }

            scripts.Add(new MigrationScript(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value)
            {
                Sql = ReadResource(assembly, resource),
            });
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (scripts.Count == 0 || duplicate is not null)
        {
            throw new InvalidOperationException("Embedded migrations are missing or share a version number.");
        }

        return scripts;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration '{name}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
