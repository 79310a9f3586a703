using System.CommandLine;
using Stratum.Cli.Output;
using Stratum.Core.Input;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;

namespace Stratum.Cli.Commands;

/// <summary>rules and sources: the knowledge as a clinic reviews it.</summary>
internal static class KnowledgeCommands
{
    public static IEnumerable<Command> Create(CommandContext context)
    {
        var code = new Argument<string?>("code") { Description = "Show one rule, e.g. CI-KELOID.", Arity = ArgumentArity.ZeroOrOne };
        var rulesFormat = CommandContext.FormatOption("text", "json");
        var rules = new Command("rules", "List every rule with its code, verdicts and sources; give a code to show one.") { code, rulesFormat };
        rules.SetAction(parse => context.Show(parse, rulesFormat, kb => Select(Catalogue.Rules(kb), parse.GetValue(code)), StratumJson.Default.RulesResult, TextReports.Rules));
        yield return rules;

        var sourcesFormat = CommandContext.FormatOption("text", "json");
        var sources = new Command("sources", "The evidence library: every source with its verification status and the rules that cite it.") { sourcesFormat };
        sources.SetAction(parse => context.Show(parse, sourcesFormat, kb => InputResult<SourcesResult>.Valid(Catalogue.Sources(kb)), StratumJson.Default.SourcesResult, TextReports.Sources));
        yield return sources;
    }

    private static InputResult<RulesResult> Select(RulesResult all, string? code)
    {
        if (code is null)
        {
            return InputResult<RulesResult>.Valid(all);
        }

        var match = all.Rules.Where(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count > 0
            ? InputResult<RulesResult>.Valid(all with { Rules = match })
            : InputResult<RulesResult>.Invalid([new InputError("code", $"no rule '{ObjectReader.Printable(code)}'; run 'stratum rules' for the list")]);
    }
}
