using System.CommandLine;
using System.Text.Json;
using Stratum.Cli.Output;
using Stratum.Core.Aftercare;
using Stratum.Core.Input;
using Stratum.Core.Json;

namespace Stratum.Cli.Commands;

/// <summary><c>stratum aftercare</c> (one product, or <c>--batch</c>) and <c>stratum aftercare routine</c> (DESIGN §3).</summary>
internal static class AftercareCommands
{
    public static Command Create(CommandContext context)
    {
        var input = CommandContext.InputOption();
        var format = CommandContext.FormatOption("text", "json");
        var timing = new Timing();
        var batch = new Option<bool>("--batch")
        {
            Description = "Read one product per line (name<TAB>ingredient list) and write one JSON object per line.",
        };
        var command = new Command("aftercare", "Can I use this product after microneedling? An ingredient list (plain text or JSON) gives the flagged ingredients, why, and from when the product is usable.")
        {
            input, format, batch,
        };
        timing.AddTo(command);
        command.SetAction(parse =>
        {
            if (!timing.TryRead(parse, context.Now, out var aftercare))
            {
                return CommandContext.Fail(parse.InvocationConfiguration.Error, timing.Errors);
            }

            return parse.GetValue(batch)
                ? Batch(context, parse, parse.GetValue(input)!, aftercare)
                : context.Run(parse, input, format,
                    (text, kb) => AftercareRequest.Parse(text, kb, aftercare),
                    (kb, request) => new AftercareChecker(kb).Check(request),
                    StratumJson.Default.AftercareResult, TextReports.Aftercare);
        });

        var routineInput = CommandContext.InputOption();
        var routineFormat = CommandContext.FormatOption("text", "json");
        var routineTiming = new Timing();
        var routine = new Command("routine", "Several products against one treatment time: which may be used from when, and the helpful ones to use now. JSON { products: [{ name, inci }] } or name<TAB>inci lines.")
        {
            routineInput, routineFormat,
        };
        routineTiming.AddTo(routine);
        routine.SetAction(parse => routineTiming.TryRead(parse, context.Now, out var aftercare)
            ? context.Run(parse, routineInput, routineFormat,
                (text, kb) => RoutineRequest.Parse(text, kb, aftercare),
                (kb, request) => new AftercareChecker(kb).Routine(request),
                StratumJson.Default.RoutineResult, TextReports.Routine)
            : CommandContext.Fail(parse.InvocationConfiguration.Error, routineTiming.Errors));
        command.Subcommands.Add(routine);
        return command;
    }

    /// <summary>
    /// Streams: each line is read, checked and written before the next is read, so memory stays flat whatever the input's
    /// size. A bad line gives an error object in its place; the exit code is 2 if any line was bad.
    /// </summary>
    private static int Batch(CommandContext context, ParseResult parse, string source, AftercareContext aftercare)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var knowledge = CommandContext.LoadKnowledge(parse);
        if (!knowledge.TryGetValue(out var kb))
        {
            return CommandContext.Fail(error, knowledge.Errors);
        }

        using var owned = context.Open(source, out var reader, out var openError);
        if (reader is null)
        {
            return CommandContext.Fail(error, [openError!]);
        }

        var checker = new AftercareChecker(kb);
        var lines = new BoundedLineReader(reader, JsonInput.MaxLength);
        var bad = 0;
        while (lines.Next() is { } line)
        {
            if (line.Text is null)
            {
                bad++;
                Write(output, new BatchError(line.Number, [new InputError($"line {line.Number}", $"is too long (more than {JsonInput.MaxLength:N0} characters)")]));
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            var request = BatchLine.Parse(line.Text, line.Number, kb, aftercare);
            if (request.TryGetValue(out var value))
            {
                output.WriteLine(JsonSerializer.Serialize(checker.Check(value), StratumJson.Default.AftercareResult));
            }
            else
            {
                bad++;
                Write(output, new BatchError(line.Number, request.Errors));
            }
        }

        if (bad > 0)
        {
            error.WriteLine($"error: {bad:N0} line(s) could not be read; each has an error object in the output");
            return StratumCommand.InvalidInput;
        }

        return StratumCommand.Done;
    }

    private static void Write(TextWriter output, BatchError error) => output.WriteLine(JsonSerializer.Serialize(error, StratumJson.Default.BatchError));

    /// <summary>--hours, --treated-at and --avoid, shared by the product check and the routine.</summary>
    private sealed class Timing
    {
        private readonly Option<decimal?> _hours = new("--hours")
        {
            Description = "Hours since the treatment (default 0).",
        };

        private readonly Option<string?> _treatedAt = new("--treated-at")
        {
            Description = $"When the treatment was, as {LocalTime.Format} on this computer's clock; the hours are counted to now.",
        };

        private readonly Option<string?> _avoid = new("--avoid")
        {
            Description = "Your own ingredients to avoid, comma-separated (\"Niacinamide,Linalool\"); a class code such as fragrance avoids the whole class.",
        };

        public IReadOnlyList<InputError> Errors { get; private set; } = [];

        public void AddTo(Command command)
        {
            command.Options.Add(_hours);
            command.Options.Add(_treatedAt);
            command.Options.Add(_avoid);
        }

        public bool TryRead(ParseResult parse, DateTime now, out AftercareContext context)
        {
            var errors = new List<InputError>();
            var hours = parse.GetValue(_hours);
            if (hours is < 0 or > AftercareRequest.MaxHours)
            {
                errors.Add(new InputError("--hours", $"{hours} is out of range; expected 0 to {AftercareRequest.MaxHours:0}"));
            }

            DateTime? treatedAt = null;
            if (parse.GetValue(_treatedAt) is { } text)
            {
                if (LocalTime.TryParse(text, out var at))
                {
                    treatedAt = at;
                }
                else
                {
                    errors.Add(new InputError("--treated-at", $"'{ObjectReader.Printable(text)}' is not a time; expected {LocalTime.Format}"));
                }
            }

            if (hours is not null && parse.GetValue(_treatedAt) is not null)
            {
                errors.Add(new InputError("--treated-at", "give either --hours or --treated-at, not both"));
            }

            var avoid = parse.GetValue(_avoid) is { } list ? AftercareContext.SplitAvoid(list) : [];
            Errors = errors;
            context = new AftercareContext(now, hours, treatedAt, avoid);
            return errors.Count == 0;
        }
    }
}
