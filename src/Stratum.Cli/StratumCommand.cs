using System.CommandLine;
using Stratum.Cli.Commands;

namespace Stratum.Cli;

/// <summary>
/// The <c>stratum</c> command tree (DESIGN §3). Exit codes: 0 done (whatever the verdict), 2 invalid input
/// (stderr names the field and why), 1 unexpected failure.
/// </summary>
public sealed class StratumCommand
{
    public const int Done = 0;
    public const int Unexpected = 1;
    public const int InvalidInput = 2;

    private readonly RootCommand _root;

    public StratumCommand(TimeProvider time, TextReader stdin)
    {
        var context = new CommandContext(time, stdin);
        _root = new RootCommand("Stratum: microneedling screening, planning, scheduling, aftercare product checks, triage, scoring and device checks.")
        {
            CommandContext.KnowledgeOption,
        };
        foreach (var command in ClinicalCommands.Create(context).Append(AftercareCommands.Create(context)).Concat(KnowledgeCommands.Create(context)))
        {
            _root.Subcommands.Add(command);
        }
    }

    public int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var parsed = _root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine($"error: {error.Message}");
                }

                stderr.WriteLine("Run 'stratum --help' for usage.");
                return InvalidInput;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's input: say so briefly, without a stack trace.
            stderr.WriteLine($"error: unexpected failure ({e.GetType().Name}: {e.Message})");
            return Unexpected;
        }
    }
}
