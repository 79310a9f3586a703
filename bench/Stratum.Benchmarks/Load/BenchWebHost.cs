using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Stratum.Benchmarks.Load;

/// <summary>
/// The real Stratum web app on Kestrel, on a free loopback port, in this process: environment Production, plain http,
/// the public rate limit lifted so that it never answers 429, and data under a temporary directory that is deleted
/// on dispose. An <see cref="IStartupFilter"/> adds the baseline endpoint <see cref="ConstantPath"/>, so production
/// code is untouched. It is anonymous, like the public <c>/api</c> endpoints, and joins the app's own route table, so
/// it passes through the same middleware (exception handler, rate limiter without a policy, authentication, authorization).
/// </summary>
public sealed class BenchWebHost : WebApplicationFactory<global::Program>
{
    public const string ConstantPath = "/bench/constant";

    /// <summary>
    /// A floor for <c>POST /api/screen</c>: the body is read and the screening's own answer (serialised once) is sent
    /// back, with no work in between. What is left between this and the endpoint is Stratum's work.
    /// </summary>
    public const string FloorPath = "/bench/screen-floor";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("stratum-bench-web-").FullName;

    /// <param name="settings">More configuration for a later benchmark, e.g. <c>Stratum:Database</c> or a connection string.</param>
    public BenchWebHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(0);
    }

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>; starts the host on first use.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As a published app: the build output holds the app's appsettings.json. The factory's own guess reads a manifest
        // from the working directory, which for the bench is the repository.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Stratum:DataDirectory", _dataDirectory);
        builder.UseSetting("Stratum:RateLimit:PublicPermitsPerMinute", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ConstantEndpoint>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>The constant answer of the baseline: a small JSON object, serialised on every request like any result.</summary>
    public sealed record Constant(string Status, int Version);

    private sealed class ConstantEndpoint : IStartupFilter
    {
        private static readonly Constant Answer = new("ok", 1);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);

            // The app's own route table: the web app's UseRouting leaves it under this key (ASP.NET Core's
            // EndpointRoutingApplicationBuilderExtensions). A route table of our own would be matched only after the
            // app's middleware had already run with no endpoint, and its fallback authorization policy then refuses.
            if (!app.Properties.TryGetValue("__EndpointRouteBuilder", out var found) || found is not IEndpointRouteBuilder routes)
            {
                throw new InvalidOperationException("The web app's route table is not reachable; the baseline endpoint cannot join it.");
            }

            routes.MapGet(ConstantPath, GetConstant).WithName("BenchConstant").AllowAnonymous();
            routes.MapPost(FloorPath, PostFloorAsync).WithName("BenchScreenFloor").AllowAnonymous();
        };

        private static Constant GetConstant() => Answer;

        private static readonly byte[] ScreenAnswer = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new Stratum.Core.Screening.Screener(Stratum.Core.Knowledge.KnowledgeBase.Default)
                .Screen(Stratum.Core.Screening.Intake.Parse(ScreeningBenchmarks.IntakeJson, new DateOnly(2026, 11, 25), Stratum.Core.Knowledge.KnowledgeBase.Default).Value),
            Stratum.Core.Json.StratumJson.Default.ScreeningResult);

        private static async Task PostFloorAsync(HttpContext context)
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(ScreenAnswer, context.RequestAborted);
        }
    }
}
