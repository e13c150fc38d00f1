using LeadGrains.Storage;
using LeadGrains.Testing;

namespace LeadGrains.Production.Tests.Hosting;

/// <summary>Every test here shares one throwaway PostgreSQL server, each with databases of its own, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}

public static class PostgresFixtureExtensions
{
    /// <summary>A new database with this build's schema, as <c>db init</c> leaves it.</summary>
    public static async Task<string> CreateMigratedDatabaseAsync(this PostgresServerFixture postgres)
    {
        var database = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator().MigrateAsync(database, CancellationToken.None);
        return database;
    }
}
