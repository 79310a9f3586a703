using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// The web host as its own process (<c>dotnet Stratum.Web.dll</c>), as it runs in production: for tests that kill it,
/// start several on one database, or read what it prints when it cannot start.
/// </summary>
public sealed class WebProcess : IDisposable
{
    // A start-up while the other test projects load the machine can take well over the quiet 5 s; the deadline is generous.
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The settings of a host on <paramref name="directory"/>, and on the PostgreSQL database when one is named.</summary>
    public static Dictionary<string, string> Settings(DirectoryInfo directory, string? postgres = null, string? database = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Stratum__DataDirectory"] = directory.FullName,
            ["Stratum__Bootstrap__AdminEmail"] = ClinicServer.AdminEmail,
            ["Stratum__Bootstrap__AdminPassword"] = ClinicServer.AdminPassword,
            ["Stratum__RateLimit__LoginPermitsPerMinute"] = "1000",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        if (postgres is not null)
        {
            settings["Stratum__Database"] = "postgres";
            settings["ConnectionStrings__Stratum"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
        }

        return settings;
    }

    /// <summary>Starts the host and waits until <c>/health</c> answers.</summary>
    public static async Task<WebProcess> StartAsync(Dictionary<string, string> settings, int? port = null, params string[] arguments)
    {
        var host = Launch(settings, port ?? FreePort(), arguments);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartDeadline && !host.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health", ClinicServer.Cancel)).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250, ClinicServer.Cancel);
            }
        }

        host.Kill();
        throw new TimeoutException($"The server did not start within {StartDeadline.TotalSeconds} seconds:\n{host.Output}");
    }

    /// <summary>Runs the host with <paramref name="arguments"/> until it exits by itself (a start-up failure, a command).</summary>
    public static async Task<WebProcess> RunToExitAsync(Dictionary<string, string> settings, int port, params string[] arguments)
    {
        var host = Launch(settings, port, arguments);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ClinicServer.Cancel);
        deadline.CancelAfter(StartDeadline);
        await host._process.WaitForExitAsync(deadline.Token);

        // The exit can come before the last lines are read; WaitForExit without a timeout drains them.
        host._process.WaitForExit();
        return host;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A bearer token from <c>/api/auth/login</c>.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string email, string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, ClinicServer.Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ClinicServer.Cancel))!["accessToken"]!.GetValue<string>();
    }

    private static WebProcess Launch(Dictionary<string, string> settings, int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = settings.TryGetValue("Stratum__DataDirectory", out var directory) && Directory.Exists(directory) ? directory : Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Stratum.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return new WebProcess(Process.Start(start)!, port);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
