using System.Data.Common;
using LeadGrains.Storage;

namespace LeadGrains.Host.Storage;

/// <summary>
/// <c>db init</c> installs or upgrades the schema (idempotent); <c>db check</c> says whether it is current.
/// Both read <c>ConnectionStrings:LeadGrains</c> from the host's configuration and fail in one line, never a stack trace.
/// </summary>
public sealed class DbCommand(IConfiguration configuration, TextWriter output, TextWriter error)
{
    private const string Usage = "usage: LeadGrains.Host db init|check   (reads ConnectionStrings:LeadGrains)";

    public static bool IsRequested(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "db";

    public static Task<int> RunAsync(IConfiguration configuration, IReadOnlyList<string> args) =>
        new DbCommand(configuration, Console.Out, Console.Error).RunAsync(args, CancellationToken.None);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var verb = args.Count == 2 ? args[1] : null;
        if (verb is not ("init" or "check"))
        {
            await error.WriteLineAsync(Usage);
            return ExitCodes.Failed;
        }
        var connectionString = configuration.GetConnectionString(PostgresStorageSetup.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync($"db {verb}: ConnectionStrings:LeadGrains is not set (environment: ConnectionStrings__LeadGrains).");
            return ExitCodes.Failed;
        }
        try
        {
            return verb == "init"
                ? await InitAsync(connectionString, cancellationToken)
                : await CheckAsync(connectionString, cancellationToken);
        }
        catch (DatabaseUnreachableException ex)
        {
            await error.WriteLineAsync($"db {verb}: {ex.Message}");
            return ExitCodes.DatabaseUnreachable;
        }
        catch (Exception ex) when (ex is DbException or NotSupportedException or ArgumentException)
        {
            await error.WriteLineAsync($"db {verb}: {SchemaReport.Failure(ex)}");
            return ExitCodes.Failed;
        }
    }

    private async Task<int> InitAsync(string connectionString, CancellationToken cancellationToken)
    {
        var result = await new SchemaMigrator().MigrateAsync(connectionString, cancellationToken);
        if (result.Applied.Count == 0)
        {
            await output.WriteLineAsync($"{SchemaReport.Current(result.SchemaVersion)}, database {SchemaReport.Where(connectionString)}");
            return ExitCodes.Ok;
        }
        foreach (var script in result.Applied)
        {
            await output.WriteLineAsync($"applied {script.Version:D4}_{script.Name}");
        }
        await output.WriteLineAsync($"schema is now at version {result.SchemaVersion}, database {SchemaReport.Where(connectionString)}");
        return ExitCodes.Ok;
    }

    private async Task<int> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        var status = await new SchemaMigrator().CheckAsync(connectionString, cancellationToken);
        var report = $"database {SchemaReport.Where(connectionString)}: {SchemaReport.Describe(status)}";
        if (status.State == SchemaState.Older)
        {
            await error.WriteLineAsync(report);
            return ExitCodes.SchemaNotCurrent;
        }
        await output.WriteLineAsync(report);
        return ExitCodes.Ok;
    }
}
