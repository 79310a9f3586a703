using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>The real host on Kestrel at a loopback port, with a fixed clock, and Debian's Chromium driven by Playwright.</summary>
public sealed class StratumServer : WebApplicationFactory<Program>
{
    /// <summary>Wednesday 25 November 2026, 10:00 (UTC, which is also the fake clock's local time).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stratum-browser-");

    public StratumServer(int port)
    {
        Port = port;
        UseKestrel(port);
    }

    /// <summary>The bootstrap admin, who makes clinics and staff through the API in the staff-page tests.</summary>
    public const string AdminEmail = "admin@stratum.test";

    public const string AdminPassword = "Admin-Passw0rd-Browser";

    public int Port { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Stratum:DataDirectory", _directory.FullName);
        builder.UseSetting("urls", $"http://127.0.0.1:{Port}");
        builder.UseSetting("Stratum:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Stratum:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Stratum:RateLimit:LoginPermitsPerMinute", "1000");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}

public sealed class BrowserFixture : IAsyncLifetime
{
    private StratumServer? _server;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? Missing { get; private set; }

    public string BaseUrl => $"http://127.0.0.1:{_server!.Port}";

    public async ValueTask InitializeAsync()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Missing = "no Chromium found: set STRATUM_CHROMIUM or install Debian's chromium package (test.sh does)";
            return;
        }

        _server = new StratumServer(FreePort());
        _server.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("STRATUM_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") })
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
