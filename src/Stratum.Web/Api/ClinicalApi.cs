using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Stratum.Core.Aftercare;
using Stratum.Core.Devices;
using Stratum.Core.Input;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;
using Stratum.Core.Outcomes;
using Stratum.Core.Planning;
using Stratum.Core.Scheduling;
using Stratum.Core.Screening;
using Stratum.Core.Triage;
using Stratum.Web.Hosting;

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

        api.MapPost("/screen", Screen).WithName("Screen").AcceptsJson<Intake>().Produces<ScreeningResult>()
            .WithSummary("Screen an intake: verdict, findings with rule, reason and sources, earliest date.");
        api.MapPost("/plan", Plan).WithName("Plan").AcceptsJson<Intake>().Produces<Plan>()
            .WithSummary("Plan depth, passes, interval and sessions per zone inside the safety envelope.");
        api.MapPost("/schedule", Schedule).WithName("Schedule").AcceptsJson<ScheduleRequest>().Produces<Schedule>()
            .WithSummary("Session dates that honour the healing interval, and follow-ups.");
        api.MapPost("/aftercare", Aftercare).WithName("CheckAftercareProduct").AcceptsJson<AftercareInput>().Produces<AftercareResult>()
            .WithSummary("Can this product be used after microneedling? Flagged ingredients, why, and from when (JSON or plain INCI text).");
        api.MapPost("/aftercare/routine", Routine).WithName("CheckAftercareRoutine").AcceptsJson<RoutineInput>().Produces<RoutineResult>()
            .WithSummary("Several products against one treatment time: which may be used from when, and the helpful ones to use now.");
        api.MapPost("/triage", Triage).WithName("Triage").AcceptsJson<TriageRequest>().Produces<TriageResult>()
            .WithSummary("Expected healing or a red flag, with urgency.");
        api.MapPost("/score", Score).WithName("Score").Produces<ScoreResult>()
            .WithSummary("Goodman & Baron qualitative grade and quantitative score; improvement over a series.");
        api.MapPost("/device", Device).WithName("AssessDevice").AcceptsJson<DeviceRequest>().Produces<DeviceAssessment>()
            .WithSummary("Device suitability for the setting.");
        return app;
    }

    public static Results<ContractJsonResult<ScreeningResult>, ValidationProblem> Screen(JsonBody body, KnowledgeBase knowledge, TimeProvider time) =>
        Handle(body, text => Intake.Parse(text, time.Today(), knowledge), new Screener(knowledge).Screen, StratumJson.Default.ScreeningResult);

    public static Results<ContractJsonResult<Plan>, ValidationProblem> Plan(JsonBody body, KnowledgeBase knowledge, TimeProvider time) =>
        Handle(body, text => Planner.ParseRequest(text, time.Today(), knowledge), new Planner(knowledge).Plan, StratumJson.Default.Plan);

    public static Results<ContractJsonResult<Schedule>, ValidationProblem> Schedule(JsonBody body, KnowledgeBase knowledge) =>
        Handle(body, ScheduleRequest.Parse, new Scheduler(knowledge).Schedule, StratumJson.Default.Schedule);

    public static Results<ContractJsonResult<AftercareResult>, ValidationProblem> Aftercare(JsonBody body, KnowledgeBase knowledge, TimeProvider time) =>
        Handle(body, text => AftercareRequest.Parse(text, knowledge, new AftercareContext(time.GetLocalNow().DateTime)), new AftercareChecker(knowledge).Check, StratumJson.Default.AftercareResult);

    public static Results<ContractJsonResult<RoutineResult>, ValidationProblem> Routine(JsonBody body, KnowledgeBase knowledge, TimeProvider time) =>
        Handle(body, text => RoutineRequest.Parse(text, knowledge, new AftercareContext(time.GetLocalNow().DateTime)), new AftercareChecker(knowledge).Routine, StratumJson.Default.RoutineResult);

    public static Results<ContractJsonResult<TriageResult>, ValidationProblem> Triage(JsonBody body, KnowledgeBase knowledge) =>
        Handle(body, TriageRequest.Parse, new Triager(knowledge).Triage, StratumJson.Default.TriageResult);

    public static Results<ContractJsonResult<ScoreResult>, ValidationProblem> Score(JsonBody body, KnowledgeBase knowledge)
    {
        var scorer = new Scorer(knowledge);
        return Handle(body, scorer.Parse, scorer.Score, StratumJson.Default.ScoreResult);
    }

    public static Results<ContractJsonResult<DeviceAssessment>, ValidationProblem> Device(JsonBody body, KnowledgeBase knowledge) =>
        Handle(body, DeviceRequest.Parse, new DeviceAssessor(knowledge).Assess, StratumJson.Default.DeviceAssessment);

    /// <summary>
    /// Documents the JSON body in OpenAPI without making the content type a condition: the body is read as UTF-8
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

    private static Results<ContractJsonResult<TResult>, ValidationProblem> Handle<TRequest, TResult>(
        JsonBody body,
        Func<JsonText, InputResult<TRequest>> parse,
        Func<TRequest, TResult> compute,
        JsonTypeInfo<TResult> contract)
        where TRequest : class
    {
        // Written with the generated contract itself, whose fast path the app's wider JSON options would lose; the
        // bytes are the CLI's.
        var input = Requests.Read(body, parse);
        return input.TryGetValue(out var value) ? new ContractJsonResult<TResult>(compute(value), contract) : Requests.Invalid(input.Errors);
    }
}
