namespace LeadGrains.Storage;

/// <summary>One embedded schema script. <see cref="Version"/> is the number in its file name.</summary>
public sealed record MigrationScript(int Version, string Name)
{
    /// <summary>The script's text.</summary>
    public string Sql { get; init; } = string.Empty;
}

/// <summary>What <see cref="SchemaMigrator.MigrateAsync"/> did.</summary>
/// <param name="Applied">Scripts applied by this call, in order; empty when the schema was already current.</param>
/// <param name="SchemaVersion">Highest version recorded in the database after the call.</param>
public sealed record MigrationResult(IReadOnlyList<MigrationScript> Applied, int SchemaVersion);

public enum SchemaState
{
    /// <summary>Every script this binary knows is applied, and nothing else.</summary>
    Current,

    /// <summary>The database lacks scripts this binary has: run the migration.</summary>
    Older,

    /// <summary>The database has versions this binary does not know: it was migrated by a newer build.</summary>
    Newer,
}

/// <summary>Result of <see cref="SchemaMigrator.CheckAsync"/>.</summary>
/// <param name="State">How the database compares with this binary.</param>
/// <param name="BinaryVersion">Highest script version embedded in this binary.</param>
/// <param name="DatabaseVersion">Highest version recorded in the database, or null when none is.</param>
/// <param name="MissingVersions">Versions this binary has that the database lacks.</param>
/// <param name="UnknownVersions">Versions recorded in the database that this binary does not have.</param>
public sealed record SchemaStatus(
    SchemaState State,
    int BinaryVersion,
    int? DatabaseVersion,
    IReadOnlyList<int> MissingVersions,
    IReadOnlyList<int> UnknownVersions);
