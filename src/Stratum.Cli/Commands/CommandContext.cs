using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;

namespace Stratum.Cli.Commands;

/// <summary>What every command shares: the clock, standard input, the knowledge, the common options and the run loop.</summary>
internal sealed class CommandContext(TimeProvider time, TextReader stdin)
{
    public static readonly Option<DirectoryInfo?> KnowledgeOption = new("--knowledge")
    {
        Description = "A knowledge directory whose files replace the embedded ones of the same name.",
        Recursive = true,
    };

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The local clock time; aftercare windows count from a treatment time on the same clock.</summary>
    public DateTime Now => time.GetLocalNow().DateTime;


    public static Option<string> InputOption() => new("--input", "-i")
    {
        Description = "The input file, or - for standard input.",
        DefaultValueFactory = _ => "-",
    };

    public static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>
    /// Reads the input, parses it with Core's parser, computes and writes the result as JSON or text.
    /// Any problem with the input or the knowledge is written to stderr, one line per field, and gives exit code 2.
    /// </summary>
    public int Run<TRequest, TResult>(
        ParseResult parse,
        Option<string> input,
        Option<string> format,
        Func<string, KnowledgeBase, InputResult<TRequest>> read,
        Func<KnowledgeBase, TRequest, TResult> compute,
        JsonTypeInfo<TResult> json,
        Action<IAnsiConsole, TResult> text,
        Func<TResult, string>? other = null)
        where TRequest : class
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var knowledge = LoadKnowledge(parse);
        if (!knowledge.TryGetValue(out var kb))
        {
            return Fail(error, knowledge.Errors);
        }

        var content = ReadInput(parse.GetValue(input)!);
        if (!content.TryGetValue(out var body))
        {
            return Fail(error, content.Errors);
        }

        var request = read(body, kb);
        if (!request.TryGetValue(out var value))
        {
            return Fail(error, request.Errors);
        }

        var result = compute(kb, value);
        switch (parse.GetValue(format))
        {
            case "json":
                output.WriteLine(JsonSerializer.Serialize(result, json));
                break;
            case "text":
                text(Console(output), result);
                break;
            default:
                output.Write(other!(result));
                break;
        }

        return StratumCommand.Done;
    }

    /// <summary>Writes a result that needs no input (rules, sources).</summary>
    public int Show<TResult>(ParseResult parse, Option<string> format, Func<KnowledgeBase, InputResult<TResult>> compute, JsonTypeInfo<TResult> json, Action<IAnsiConsole, TResult> text)
        where TResult : class
    {
        var knowledge = LoadKnowledge(parse);
        if (!knowledge.TryGetValue(out var kb))
        {
            return Fail(parse.InvocationConfiguration.Error, knowledge.Errors);
        }

        var result = compute(kb);
        if (!result.TryGetValue(out var value))
        {
            return Fail(parse.InvocationConfiguration.Error, result.Errors);
        }

        if (parse.GetValue(format) == "json")
        {
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, json));
        }
        else
        {
            text(Console(parse.InvocationConfiguration.Output), value);
        }

        return StratumCommand.Done;
    }

    public static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 120;
        return console;
    }

    public static int Fail(TextWriter error, IReadOnlyList<InputError> errors)
    {
        foreach (var e in errors)
        {
            error.WriteLine($"error: {e}");
        }

        return StratumCommand.InvalidInput;
    }

    public static InputResult<KnowledgeBase> LoadKnowledge(ParseResult parse)
    {
        if (parse.GetValue(KnowledgeOption) is not { } directory)
        {
            return InputResult<KnowledgeBase>.Valid(KnowledgeBase.Default);
        }

        if (!directory.Exists)
        {
            return InputResult<KnowledgeBase>.Invalid([new InputError("--knowledge", $"the directory '{directory.FullName}' does not exist")]);
        }

        return KnowledgeBase.TryLoad(
            name => Path.Combine(directory.FullName, name) is var path && File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null,
            out var knowledge,
            out var errors)
            ? InputResult<KnowledgeBase>.Valid(knowledge)
            : InputResult<KnowledgeBase>.Invalid(errors.Select(e => new InputError("--knowledge", e.ToString())).ToList());
    }

    /// <summary>Reads the whole input, refusing more than <paramref name="maxChars"/> so a huge file cannot exhaust memory.</summary>
    private InputResult<string> ReadInput(string source, int maxChars = JsonInput.MaxLength)
    {
        using var owned = Open(source, out var reader, out var error);
        if (reader is null)
        {
            return InputResult<string>.Invalid([error!]);
        }

        var buffer = new char[Math.Min(maxChars + 1, 1 << 16)];
        var text = new StringBuilder();
        int read;
        while (text.Length <= maxChars && (read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.Length > maxChars
            ? InputResult<string>.Invalid([new InputError("$", $"the input is too large (more than {maxChars:N0} characters)")])
            : InputResult<string>.Valid(text.ToString());
    }

    /// <summary>The input file or standard input; the returned value owns the file (null for standard input).</summary>
    public IDisposable? Open(string source, out TextReader? reader, out InputError? error)
    {
        error = null;
        if (source == "-")
        {
            reader = stdin;
            return null;
        }

        if (!File.Exists(source))
        {
            reader = null;
            error = new InputError("--input", $"the file '{source}' does not exist");
            return null;
        }

        var file = new StreamReader(source, Encoding.UTF8);
        reader = file;
        return file;
    }
}
