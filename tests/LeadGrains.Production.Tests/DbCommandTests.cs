using LeadGrains.Host.Storage;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Storage;
using LeadGrains.Testing;
using Microsoft.Extensions.Configuration;

namespace LeadGrains.Production.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DbCommandTests(PostgresServerFixture postgres)
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    private static async Task<(int ExitCode, string[] Stdout, string Stderr)> RunAsync(string connectionString, params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:LeadGrains"] = connectionString })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new DbCommand(configuration, output, error).RunAsync(args, CancellationToken.None);
        return (exitCode, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    private static string UnreachableDatabase() =>
        $"Host=127.0.0.1;Port={Ports.FreeLoopbackPort().Text()};Username=leadgrains;Password=not-in-any-output;Database=leadgrains;Timeout=5";

    private static void AssertOneLine(string text)
    {
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not-in-any-output", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_init_twice_applies_every_script_once_and_then_says_the_schema_is_current()
    {
        var database = await postgres.CreateDatabaseAsync();

        var first = await RunAsync(database, "db", "init");
        var second = await RunAsync(database, "db", "init");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(SchemaMigrator.Scripts.Select(s => $"applied {s.Version:D4}_{s.Name}"), first.Stdout[..^1]);
        Assert.StartsWith($"schema is now at version {SchemaMigrator.BinaryVersion}", first.Stdout[^1], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.StartsWith($"schema is current (version {SchemaMigrator.BinaryVersion})", Assert.Single(second.Stdout), StringComparison.Ordinal);
        Assert.Empty(second.Stderr);
        Assert.Equal(SchemaState.Current, (await new SchemaMigrator().CheckAsync(database, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Db_check_on_a_database_without_the_schema_exits_3_and_says_to_run_db_init()
    {
        var database = await postgres.CreateDatabaseAsync();

        var check = await RunAsync(database, "db", "check");
        await RunAsync(database, "db", "init");
        var after = await RunAsync(database, "db", "check");

        Assert.Equal(ExitCodes.SchemaNotCurrent, check.ExitCode);
        AssertOneLine(check.Stderr);
        Assert.Contains("db init", check.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, after.ExitCode);
        Assert.Contains($"schema is current (version {SchemaMigrator.BinaryVersion})", Assert.Single(after.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_init_against_an_unreachable_database_prints_one_line_and_exits_2()
    {
        var environment = HostProcess.PostgresEnvironment(UnreachableDatabase());

        var (exitCode, stdout, stderr) = await HostProcess.RunToExitAsync(environment, ProcessTimeout, "db", "init");

        Assert.Equal(ExitCodes.DatabaseUnreachable, exitCode);
        Assert.Empty(stdout);
        AssertOneLine(stderr);
        Assert.StartsWith("db init: Cannot connect to PostgreSQL at 127.0.0.1:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_refuses_to_start_on_an_unreachable_database_with_one_line_and_exit_2()
    {
        var environment = HostProcess.PostgresEnvironment(UnreachableDatabase());

        var (exitCode, _, stderr) = await HostProcess.RunToExitAsync(environment, ProcessTimeout);

        Assert.Equal(ExitCodes.DatabaseUnreachable, exitCode);
        AssertOneLine(stderr);
        Assert.StartsWith("LeadGrains cannot start: Cannot connect to PostgreSQL at 127.0.0.1:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_refuses_to_start_on_a_database_without_the_schema_and_says_to_run_db_init()
    {
        var environment = HostProcess.PostgresEnvironment(await postgres.CreateDatabaseAsync());

        var (exitCode, _, stderr) = await HostProcess.RunToExitAsync(environment, ProcessTimeout);

        Assert.Equal(ExitCodes.SchemaNotCurrent, exitCode);
        AssertOneLine(stderr);
        Assert.Contains("no LeadGrains schema", stderr, StringComparison.Ordinal);
        Assert.Contains("db init", stderr, StringComparison.Ordinal);
    }
}
