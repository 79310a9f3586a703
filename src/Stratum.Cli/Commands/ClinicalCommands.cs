using System.CommandLine;
using Stratum.Cli.Output;
using Stratum.Core.Devices;
using Stratum.Core.Json;
using Stratum.Core.Outcomes;
using Stratum.Core.Planning;
using Stratum.Core.Scheduling;
using Stratum.Core.Screening;
using Stratum.Core.Triage;

namespace Stratum.Cli.Commands;

/// <summary>screen, plan, schedule, triage, score, device: JSON in, a verdict out (DESIGN §3).</summary>
internal static class ClinicalCommands
{
    public static IEnumerable<Command> Create(CommandContext context)
    {
        yield return Command("screen", "Screen an intake: verdict, findings with rule, reason and source, and the earliest date.", context,
            (text, kb) => Intake.Parse(text, context.Today, kb),
            (kb, intake) => new Screener(kb).Screen(intake),
            StratumJson.Default.ScreeningResult, TextReports.Screening);

        yield return Command("plan", "Plan needle depth, passes, interval and sessions per zone, inside the safety envelope.", context,
            (text, kb) => Planner.ParseRequest(text, context.Today, kb),
            (kb, request) => new Planner(kb).Plan(request),
            StratumJson.Default.Plan, TextReports.Plan);

        yield return Command("schedule", "Schedule sessions that honour the healing interval, with follow-ups; --format ics writes a calendar.", context,
            (text, kb) => ScheduleRequest.Parse(text),
            (kb, request) => new Scheduler(kb).Schedule(request),
            StratumJson.Default.Schedule, TextReports.Schedule, Calendar.Write, "ics");

        yield return Command("triage", "Is this normal? Symptoms and hours since treatment give expected healing or a red flag with urgency.", context,
            (text, kb) => TriageRequest.Parse(text),
            (kb, request) => new Triager(kb).Triage(request),
            StratumJson.Default.TriageResult, TextReports.Triage);

        yield return Command("score", "Goodman & Baron qualitative grade and quantitative score; improvement over a series of assessments.", context,
            (text, kb) => new Scorer(kb).Parse(text),
            (kb, assessments) => new Scorer(kb).Score(assessments),
            StratumJson.Default.ScoreResult, TextReports.Score);

        yield return Command("device", "Assess a device: needle length for the setting, mechanism, sterility, single use, FDA clearance.", context,
            (text, kb) => DeviceRequest.Parse(text),
            (kb, request) => new DeviceAssessor(kb).Assess(request),
            StratumJson.Default.DeviceAssessment, TextReports.Device);
    }

    private static Command Command<TRequest, TResult>(
        string name,
        string description,
        CommandContext context,
        Func<string, Core.Knowledge.KnowledgeBase, Core.Input.InputResult<TRequest>> read,
        Func<Core.Knowledge.KnowledgeBase, TRequest, TResult> compute,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResult> json,
        Action<Spectre.Console.IAnsiConsole, TResult> text,
        Func<TResult, string>? other = null,
        string? otherFormat = null)
        where TRequest : class
    {
        var input = CommandContext.InputOption();
        var format = otherFormat is null ? CommandContext.FormatOption("text", "json") : CommandContext.FormatOption("text", "json", otherFormat);
        var command = new Command(name, description) { input, format };
        command.SetAction(parse => context.Run(parse, input, format, read, compute, json, text, other));
        return command;
    }
}
