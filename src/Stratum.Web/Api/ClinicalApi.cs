using Microsoft.AspNetCore.Http.HttpResults;
using Stratum.Core.Aftercare;
using Stratum.Core.Devices;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Core.Outcomes;
using Stratum.Core.Planning;
using Stratum.Core.Scheduling;
using Stratum.Core.Screening;
using Stratum.Core.Triage;

namespace Stratum.Web.Api;

/// <summary>
/// The stateless public endpoints (DESIGN §5): the CLI's JSON in and out, nothing stored, rate-limited.
/// Bad input answers a problem-details 400 keyed by the JSON path of each bad field.
/// </summary>
public static class ClinicalApi
{
    public const string RateLimitPolicy = "public";

    public static IEndpointRouteBuilder MapClinicalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Clinical checks").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);

        api.MapPost("/screen", ScreenAsync).WithName("Screen").AcceptsJson<Intake>()
            .WithSummary("Screen an intake: verdict, findings with rule, reason and sources, earliest date.");
        api.MapPost("/plan", PlanAsync).WithName("Plan").AcceptsJson<Intake>()
            .WithSummary("Plan depth, passes, interval and sessions per zone inside the safety envelope.");
        api.MapPost("/schedule", ScheduleAsync).WithName("Schedule").AcceptsJson<ScheduleRequest>()
            .WithSummary("Session dates that honour the healing interval, and follow-ups.");
        api.MapPost("/aftercare", AftercareAsync).WithName("CheckAftercareProduct").AcceptsJson<AftercareInput>()
            .WithSummary("Can this product be used after microneedling? Flagged ingredients, why, and from when (JSON or plain INCI text).");
        api.MapPost("/aftercare/routine", RoutineAsync).WithName("CheckAftercareRoutine").AcceptsJson<RoutineInput>()
            .WithSummary("Several products against one treatment time: which may be used from when, and the helpful ones to use now.");
        api.MapPost("/triage", TriageAsync).WithName("Triage").AcceptsJson<TriageRequest>()
            .WithSummary("Expected healing or a red flag, with urgency.");
        api.MapPost("/score", ScoreAsync).WithName("Score")
            .WithSummary("Goodman & Baron qualitative grade and quantitative score; improvement over a series.");
        api.MapPost("/device", DeviceAsync).WithName("AssessDevice").AcceptsJson<DeviceRequest>()
            .WithSummary("Device suitability for the setting.");
        return app;
    }

    public static Task<Results<Ok<ScreeningResult>, ValidationProblem>> ScreenAsync(HttpRequest request, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct) =>
        HandleAsync(request, text => Intake.Parse(text, Today(time)), new Screener(knowledge).Screen, ct);

    public static Task<Results<Ok<Plan>, ValidationProblem>> PlanAsync(HttpRequest request, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct) =>
        HandleAsync(request, text => Planner.ParseRequest(text, Today(time)), new Planner(knowledge).Plan, ct);

    public static Task<Results<Ok<Schedule>, ValidationProblem>> ScheduleAsync(HttpRequest request, KnowledgeBase knowledge, CancellationToken ct) =>
        HandleAsync(request, ScheduleRequest.Parse, new Scheduler(knowledge).Schedule, ct);

    public static Task<Results<Ok<AftercareResult>, ValidationProblem>> AftercareAsync(HttpRequest request, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct) =>
        HandleAsync(request, text => AftercareRequest.Parse(text, knowledge, new AftercareContext(time.GetLocalNow().DateTime)), new AftercareChecker(knowledge).Check, ct);

    public static Task<Results<Ok<RoutineResult>, ValidationProblem>> RoutineAsync(HttpRequest request, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct) =>
        HandleAsync(request, text => RoutineRequest.Parse(text, knowledge, new AftercareContext(time.GetLocalNow().DateTime)), new AftercareChecker(knowledge).Routine, ct);

    public static Task<Results<Ok<TriageResult>, ValidationProblem>> TriageAsync(HttpRequest request, KnowledgeBase knowledge, CancellationToken ct) =>
        HandleAsync(request, TriageRequest.Parse, new Triager(knowledge).Triage, ct);

    public static Task<Results<Ok<ScoreResult>, ValidationProblem>> ScoreAsync(HttpRequest request, KnowledgeBase knowledge, CancellationToken ct)
    {
        var scorer = new Scorer(knowledge);
        return HandleAsync(request, scorer.Parse, scorer.Score, ct);
    }

    public static Task<Results<Ok<DeviceAssessment>, ValidationProblem>> DeviceAsync(HttpRequest request, KnowledgeBase knowledge, CancellationToken ct) =>
        HandleAsync(request, DeviceRequest.Parse, new DeviceAssessor(knowledge).Assess, ct);

    /// <summary>
    /// Documents the JSON body in OpenAPI without making the content type a condition: the body is read as text
    /// by Core's parser, so a client that forgets the header still gets a proper answer.
    /// </summary>
    private static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private static async Task<Results<Ok<TResult>, ValidationProblem>> HandleAsync<TRequest, TResult>(
        HttpRequest request,
        Func<string, InputResult<TRequest>> parse,
        Func<TRequest, TResult> compute,
        CancellationToken ct)
        where TRequest : class
    {
        var input = await Requests.ReadAsync(request, parse, ct);
        return input.TryGetValue(out var value) ? TypedResults.Ok(compute(value)) : Requests.Invalid(input.Errors);
    }
}
