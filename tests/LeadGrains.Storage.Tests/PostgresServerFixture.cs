using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LeadGrains.Testing;

/// <summary>
/// A PostgreSQL server for tests. Uses the server named by the LEADGRAINS_TEST_POSTGRES connection string
/// when it is set; otherwise starts a throwaway server from the newest /usr/lib/postgresql/*/bin in a
/// temporary folder (loopback only, sockets in that folder), as the 'postgres' OS user when running as root.
/// Each fixture gets a fresh database (<see cref="ConnectionString"/>); <see cref="CreateDatabaseAsync"/> makes more.
/// Everything is dropped, stopped and deleted on dispose. Fails, never skips, when no server can be had.
/// Self-contained so other test projects can link this file.
/// </summary>
public sealed class PostgresServerFixture : Xunit.IAsyncLifetime
{
    public const string EnvironmentVariable = "LEADGRAINS_TEST_POSTGRES";

    private const string PostgresRoot = "/usr/lib/postgresql";
    private const string OsUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly List<string> _databases = [];
    private string? _serverDirectory;
    private string? _binDirectory;
    private bool _runAsOsUser;

    /// <summary>Connection string of the fresh database made for this fixture.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Connection string of the server's maintenance database, for creating and dropping databases.</summary>
    public string ServerConnectionString { get; private set; } = string.Empty;

    /// <summary>True when this fixture started (and will delete) its own server.</summary>
    public bool IsThrowawayServer => _serverDirectory is not null;

    public async Task InitializeAsync()
    {
        var provided = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(provided))
        {
            var settings = new NpgsqlConnectionStringBuilder(provided) { Pooling = false };
            ServerConnectionString = settings.ConnectionString;
        }
        else
        {
            ServerConnectionString = await StartThrowawayServerAsync();
        }

        ConnectionString = await CreateDatabaseAsync();
    }

    /// <summary>Creates another empty database on the server and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"leadgrains_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_serverDirectory is not null)
        {
            StopThrowawayServer();
            return;
        }

        if (string.IsNullOrEmpty(ServerConnectionString))
        {
            return;
        }

        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> StartThrowawayServerAsync()
    {
        _binDirectory = FindNewestBinDirectory() ?? throw new InvalidOperationException(
            $"PostgreSQL is needed for these tests and none was found. Set {EnvironmentVariable} to an Npgsql connection " +
            "string of a server where the user may CREATE DATABASE, or install the PostgreSQL server " +
            $"(Debian: apt-get install postgresql) so that {PostgresRoot}/<version>/bin/initdb exists.");

        // PostgreSQL refuses to run as root.
        _runAsOsUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        if (_runAsOsUser && Run("id", ["-u", OsUser], asOsUser: false).ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Running as root, so the throwaway PostgreSQL must run as the OS user '{OsUser}', which does not exist. " +
                $"Create it (apt-get install postgresql does) or set {EnvironmentVariable} to a connection string.");
        }

        _serverDirectory = Directory.CreateTempSubdirectory("leadgrains-pg-").FullName;
        try
        {
            return await InitAndStartAsync(_serverDirectory);
        }
        catch
        {
            StopThrowawayServer();
            throw;
        }
    }

    private async Task<string> InitAndStartAsync(string directory)
    {
        if (_runAsOsUser)
        {
            Check(Run("chown", [$"{OsUser}:{OsUser}", directory], asOsUser: false), "chown");
        }

        var data = Path.Combine(directory, "data");
        Check(Run(Tool("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]), "initdb");

        var log = Path.Combine(directory, "server.log");
        string? lastFailure = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // The port can be taken between probing and binding; then try another.
            var port = FreeLoopbackPort();
            var serverOptions = $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} " +
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var start = Run(Tool("pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "60", "-o", serverOptions, "start"]);
            if (start.ExitCode == 0)
            {
                var connectionString = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = "postgres",
                    Database = "postgres",
                    Pooling = false,
                }.ConnectionString;
                await WaitUntilAcceptingAsync(connectionString);
                return connectionString;
            }

            lastFailure = start.Output + ReadLogTail(log);
        }

        throw new InvalidOperationException($"pg_ctl could not start PostgreSQL from {_binDirectory}: {lastFailure}");
    }

    private void StopThrowawayServer()
    {
        var data = Path.Combine(_serverDirectory!, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            Run(Tool("pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
        }

        try
        {
            Directory.Delete(_serverDirectory!, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; nothing else depends on it.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _serverDirectory = null;
    }

    private static async Task WaitUntilAcceptingAsync(string connectionString)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string? FindNewestBinDirectory()
    {
        if (!Directory.Exists(PostgresRoot))
        {
            return null;
        }

        // Folders are named by major version: "15", "16", or "9.6" for old ones.
        return Directory.GetDirectories(PostgresRoot)
            .Select(dir => (bin: Path.Combine(dir, "bin"), version: ParseMajorVersion(Path.GetFileName(dir))))
            .Where(x => x.version is not null
                && File.Exists(Path.Combine(x.bin, "initdb"))
                && File.Exists(Path.Combine(x.bin, "pg_ctl")))
            .OrderByDescending(x => x.version)
            .Select(x => x.bin)
            .FirstOrDefault();
    }

    private static Version? ParseMajorVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string ReadLogTail(string log)
    {
        try
        {
            var lines = File.ReadAllLines(log);
            return " | log: " + string.Join(" | ", lines.TakeLast(5));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private string Tool(string name) => Path.Combine(_binDirectory!, name);

    private (int ExitCode, string Output) Run(string fileName, IReadOnlyList<string> arguments) =>
        Run(fileName, arguments, _runAsOsUser);

    private static (int ExitCode, string Output) Run(string fileName, IReadOnlyList<string> arguments, bool asOsUser)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asOsUser)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", OsUser, "--", fileName })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot run {start.FileName} ({ex.Message}); it is needed to start the throwaway PostgreSQL.", ex);
        }

        using var process = started ?? throw new InvalidOperationException($"Cannot start {start.FileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} timed out after {CommandTimeout}.");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).ReplaceLineEndings(" ").Trim());
    }

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Output}");
        }
    }
}
