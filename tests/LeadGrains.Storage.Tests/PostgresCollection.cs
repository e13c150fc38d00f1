using LeadGrains.Testing;

namespace LeadGrains.Storage.Tests;

/// <summary>All PostgreSQL tests share one server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
