using System.Data.Common;
using LeadGrains.Host.Hosting;
using LeadGrains.Storage;

namespace LeadGrains.Host.Storage;

/// <summary>
/// Before anything starts in Postgres mode: the database must answer and carry this build's schema.
/// Otherwise the host says why in one line on stderr and exits, instead of a silo failing half-way up.
/// </summary>
public static class StartupCheck
{
    public const string MissingConnectionString =
        "LeadGrains:Storage is Postgres but ConnectionStrings:LeadGrains is not set (environment: ConnectionStrings__LeadGrains).";

    private const string Refused = "LeadGrains cannot start: ";

    /// <summary>Null when the host may start; otherwise the exit code, after writing the reason to <paramref name="error"/>.</summary>
    public static async Task<int?> RefuseAsync(IConfiguration configuration, TextWriter error, CancellationToken cancellationToken = default)
    {
        var settings = configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>() ?? new LeadGrainsOptions();
        if (settings.Storage != StorageKind.Postgres)
        {
            return null;
        }
        var connectionString = configuration.GetConnectionString(PostgresStorageSetup.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync(Refused + MissingConnectionString);
            return ExitCodes.Failed;
        }
        try
        {
            var status = await new SchemaMigrator().CheckAsync(connectionString, cancellationToken);
            if (status.State == SchemaState.Older)
            {
                await error.WriteLineAsync(Refused + SchemaReport.Describe(status));
                return ExitCodes.SchemaNotCurrent;
            }
            if (status.State == SchemaState.Newer)
            {
                await error.WriteLineAsync("warning: " + SchemaReport.Describe(status));
            }
            return null;
        }
        catch (DatabaseUnreachableException ex)
        {
            await error.WriteLineAsync(Refused + ex.Message);
            return ExitCodes.DatabaseUnreachable;
        }
        catch (Exception ex) when (ex is DbException or ArgumentException)
        {
            await error.WriteLineAsync(Refused + SchemaReport.Failure(ex));
            return ExitCodes.Failed;
        }
    }
}
