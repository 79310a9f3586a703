using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Stratum.Core.Json;
using Stratum.Web.Api;
using Stratum.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

// DESIGN §5: http://localhost:5080 unless --urls, ASPNETCORE_URLS or the HTTP ports settings say otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(KnowledgeLoading.Load(builder.Configuration));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<UnexpectedExceptionHandler>();
builder.Services.Configure<JsonOptions>(o =>
{
    // The same contract as the CLI: the generated metadata and its code converters (kebab-case codes, yyyy-MM-dd dates).
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, StratumJson.Default);
    foreach (var converter in StratumJson.Default.Options.Converters)
    {
        o.SerializerOptions.Converters.Add(converter);
    }
});
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge");
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    var permits = builder.Configuration.GetValue("Stratum:RateLimit:PublicPermitsPerMinute", 600);
    options.AddPolicy(ClinicalApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseRateLimiter();

app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference("/docs", options => options.WithTitle("Stratum API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapClinicalApi();

app.Run();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
