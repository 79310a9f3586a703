using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Stratum.Core.Json;
using Stratum.Data;
using Stratum.Web.Api;
using Stratum.Web.Components;
using Stratum.Web.Hosting;
using Stratum.Web.Messages;
using Stratum.Web.Security;

// stratum-web [migrate | backup FILE | restore FILE | new-audit-key FILE] [--demo]: "migrate" applies the database migrations and exits;
// backup and restore copy the SQLite database (DESIGN §8); --demo fills a demo clinic.
var command = HostCommand.Parse(args);
if (command.Error is { } usage)
{
    Console.Error.WriteLine($"stratum-web: {usage}");
    return 2;
}

if (command.Name == "new-audit-key")
{
    return AuditSigning.WriteNewKey(command.File!);
}

try
{
    var builder = WebApplication.CreateBuilder(command.HostArguments);
    StartupFailures.QuietUntilStarted(builder.Logging);

    // DESIGN §5: http://localhost:5080 unless --urls, ASPNETCORE_URLS or the HTTP ports settings say otherwise.
    if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    {
        builder.WebHost.UseUrls("http://localhost:5080");
    }

    builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton(KnowledgeLoading.Load(builder.Configuration));
    builder.Services.AddSingleton(ContactSettings.From(builder.Configuration));
    builder.Services.AddSingleton(OutboxSettings.From(builder.Configuration));
    if (command.Demo)
    {
        DemoData.UseOwnDatabase(builder.Configuration);
    }

    builder.Services.AddStratumData(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddAuditSigning(builder.Configuration);
    builder.Services.AddSingleton<AuditVerificationJobs>();
    builder.Services.AddSingleton<MessageSender>();
    builder.Services.AddHostedService(services => services.GetRequiredService<MessageSender>());
    builder.Services.AddStratumSecurity();
    builder.Services.AddStratumSecurityHeaders();
    builder.Services.AddProblemDetails();
    builder.Services.AddExceptionHandler<UnexpectedExceptionHandler>();
    builder.Services.Configure<JsonOptions>(o =>
    {
        // The same contract as the CLI: the generated metadata, vocabulary as codes (kebab-case codes, yyyy-MM-dd dates).
        o.SerializerOptions.TypeInfoResolverChain.Insert(0, StratumJson.Default);
        o.SerializerOptions.Converters.Add(new VocabularyConverter());

        // Enums outside the vocabulary (audit action and outcome) as kebab-case words too, never numbers.
        o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    });
    builder.Services.AddOpenApi(OpenApiDescription.Describe);
    builder.Services.AddRazorComponents();
    builder.Services.AddHealthChecks()
        .AddCheck<KnowledgeHealthCheck>("knowledge")
        .AddCheck<DatabaseHealthCheck>("database");
    builder.Services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(ClinicalApi.RateLimitPolicy, PerClient(builder.Configuration.GetValue("Stratum:RateLimit:PublicPermitsPerMinute", 600)));
        options.AddPolicy(Policies.LoginRateLimit, PerClient(builder.Configuration.GetValue("Stratum:RateLimit:LoginPermitsPerMinute", 10)));
    });

    var app = builder.Build();
    if (command.Name is "backup" or "restore")
    {
        return command.Name == "backup"
            ? await DatabaseBackup.BackupAsync(app.Services, command.File!, app.Lifetime.ApplicationStopping)
            : await DatabaseBackup.RestoreAsync(app.Services, command.File!, app.Lifetime.ApplicationStopping);
    }

    await DatabaseStartup.PrepareAsync(app.Services, command.Demo, app.Lifetime.ApplicationStopping);
    if (command.Name == "migrate")
    {
        return 0;
    }

    app.UseExceptionHandler();
    app.UseStatusCodePages();

    // Inside the problem-details pages: an address that is no page answers 404 with the not-found page; the API keeps its problem details.
    app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

    // After the re-execution, so that /not-found is routed to its page when it runs; the headers follow the routed endpoint's policy.
    app.UseRouting();
    app.UseSecurityHeaders();
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
        app.UseHttpsRedirection();
    }

    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapHealthChecks("/health").AllowAnonymous();
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference("/docs", (options, context) => options.WithTitle("Stratum API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(OpenApiDescription.BearerScheme).HideDeveloperTools().DisableAgent().DisableMcp()
            .WithNonce(SecurityHeaders.Nonce(context)).DisableDefaultFonts().DisableTelemetry())
        .WithSecurityHeadersPolicy(SecurityHeaders.DocsPolicy).AllowAnonymous();
    app.MapClinicalApi();
    app.MapAuthApi();
    app.MapClinicsApi();
    app.MapPatientsApi();
    app.MapConsentsApi();
    app.MapAppointmentsApi();
    app.MapMessagesApi();
    app.MapPhotosApi();
    app.MapLotsApi();
    app.MapReportsApi();
    app.MapSafetyApi();

    // DESIGN §6: each page carries its own [AllowAnonymous] (public pages, sign-in) or [Authorize] (staff pages).
    app.MapStaticAssets().AllowAnonymous();
    app.MapRazorComponents<App>();

    // Without it, the sign-in requirement would answer an unknown address with a redirect to /login instead of 404.
    app.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();

    app.Lifetime.ApplicationStarted.Register(StartupFailures.Started);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException && !StartupFailures.HasStarted)
{
    return StartupFailures.Report(e);
}

static Func<HttpContext, RateLimitPartition<string>> PerClient(int permitsPerMinute) => context => RateLimitPartition.GetFixedWindowLimiter(
    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) });

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
