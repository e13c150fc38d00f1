using System.Diagnostics;
using System.Net;
using System.Text;

namespace LeadGrains.Production.Tests.Hosting;

/// <summary>
/// The built host, <c>LeadGrains.Host.dll</c>, run by <c>dotnet</c> as a separate OS process, configured only
/// through environment variables, as an operator runs it. Found beside this test assembly's build configuration.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "production-tests-admin-key";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private HostProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri? BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return $"stdout: {_stdout}\nstderr: {_stderr}";
            }
        }
    }

    /// <summary>A silo with its API on free loopback ports, in Production with an admin key, on PostgreSQL.</summary>
    public static HostProcess StartSilo(string connectionString, string clusterId)
    {
        var httpPort = Ports.FreeLoopbackPort();
        var environment = PostgresEnvironment(connectionString);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort.Text()}";
        environment["LeadGrains__ClusterId"] = clusterId;
        environment["LeadGrains__SiloPort"] = Ports.FreeLoopbackPort().Text();
        environment["LeadGrains__GatewayPort"] = Ports.FreeLoopbackPort().Text();
        return Start(environment, [], new Uri($"http://127.0.0.1:{httpPort.Text()}"));
    }

    public static Dictionary<string, string> PostgresEnvironment(string connectionString) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["LeadGrains__ApiKeys__0__Key"] = ApiKey,
        ["LeadGrains__ApiKeys__0__Scopes__0"] = "admin",
        ["LeadGrains__Storage"] = "Postgres",
        ["LeadGrains__ServiceId"] = "leadgrains-production-tests",
        ["ConnectionStrings__LeadGrains"] = connectionString,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Runs the host with <paramref name="args"/> until it exits, within <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        await using var host = Start(environment, args, baseAddress: null);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await host._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The host did not exit within {timeout}. {host.Output}");
        }
        host._process.WaitForExit(); // drains the output readers
        lock (host._stdout)
        {
            return (host._process.ExitCode, host._stdout.ToString(), host._stderr.ToString());
        }
    }

    public HttpClient Client(TimeSpan timeout)
    {
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            BaseAddress = BaseAddress, Timeout = timeout,
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>Polls <c>/health/ready</c> (an active silo) with a deadline; fails with the host's output if it exits.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = Client(TimeSpan.FromSeconds(2));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            Assert.False(_process.HasExited, $"The host exited with {(_process.HasExited ? _process.ExitCode : 0)} while starting. {Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The host was not ready within {ReadyTimeout}. {Output}");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, as when a machine or container dies.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static HostProcess Start(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args, Uri? baseAddress)
    {
        var hostDll = HostDll.Value;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => host.Append(host._stdout, line.Data);
        process.ErrorDataReceived += (_, line) => host.Append(host._stderr, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_stdout)
        {
            output.AppendLine(line);
        }
    }

    private static readonly Lazy<string> HostDll = new(FindHostDll);

    /// <summary>src/LeadGrains.Host/bin/&lt;configuration&gt;/&lt;tfm&gt;/LeadGrains.Host.dll, built with this test project.</summary>
    private static string FindHostDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LeadGrains.sln")))
            {
                var dll = Path.Combine(directory.FullName, "src", "LeadGrains.Host", "bin", configuration, framework, "LeadGrains.Host.dll");
                Assert.True(File.Exists(dll), $"The host is not built at {dll}; build the solution first.");
                return dll;
            }
        }
        throw new InvalidOperationException($"No LeadGrains.sln above {testOutput.FullName}.");
    }
}
