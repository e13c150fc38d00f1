using LeadGrains.Storage;
using Npgsql;

namespace LeadGrains.Host.Storage;

/// <summary>The one-line sentences an operator reads about the schema, shared by <c>db</c> and the startup check.</summary>
public static class SchemaReport
{
    public const string InitHint = "run `dotnet LeadGrains.Host.dll db init` (from source: `dotnet run --project src/LeadGrains.Host -- db init`)";

    public static string Current(int version) => $"schema is current (version {version})";

    public static string Describe(SchemaStatus status) => status.State switch
    {
        SchemaState.Current => Current(status.BinaryVersion),
        SchemaState.Older when status.DatabaseVersion is null =>
            $"the database has no LeadGrains schema; this build needs version {status.BinaryVersion}: {InitHint}",
        SchemaState.Older =>
            $"the database schema is older than this build (missing versions {string.Join(", ", status.MissingVersions)} of {status.BinaryVersion}): {InitHint}",
        _ => $"the database schema (version {status.DatabaseVersion}) is newer than this build (version {status.BinaryVersion}); running anyway, since migrations only add",
    };

    /// <summary>Host, port and database of a connection string, never its password.</summary>
    public static string Where(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>A driver or configuration failure, in one line.</summary>
    public static string Failure(Exception error) => error is ArgumentException
        ? $"ConnectionStrings:LeadGrains is not a valid Npgsql connection string ({OneLine(error.Message)})"
        : OneLine(error.Message);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
