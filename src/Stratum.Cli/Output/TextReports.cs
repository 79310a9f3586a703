using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Stratum.Core.Aftercare;
using Stratum.Core.Devices;
using Stratum.Core.Knowledge;
using Stratum.Core.Outcomes;
using Stratum.Core.Planning;
using Stratum.Core.Scheduling;
using Stratum.Core.Screening;
using Stratum.Core.Triage;
using Stratum.Core.Vocabulary;

namespace Stratum.Cli.Output;

/// <summary>The text output for people: the verdict first, then a table of findings with rule, reason and sources.</summary>
internal static class TextReports
{
    public static void Screening(IAnsiConsole console, ScreeningResult r)
    {
        Heading(console, $"Verdict: {Codes.Of(r.Verdict).ToUpperInvariant()}" + (r.NotBefore is { } d ? $" — not before {Date(d)}" : ""));
        Line(console, r.Summary);
        var table = Table("Rule", "Verdict", "Not before", "Why", "Sources");
        foreach (var f in r.Findings)
        {
            Row(table, f.Rule, Codes.Of(f.Verdict), f.NotBefore is { } n ? Date(n) : "", Why(f.Message, f.Advice), Sources(f.Sources, f.Evidence));
        }

        Findings(console, table, r.Findings.Count);
        Footer(console, r.KnowledgeVersion);
    }

    public static void Plan(IAnsiConsole console, Plan p)
    {
        var table = Table("Zone", "Depth (mm)", "Passes");
        foreach (var z in p.Zones)
        {
            Row(table, Codes.Of(z.Zone), z.DepthMm.Min == z.DepthMm.Max ? Mm(z.DepthMm.Max) : $"{Mm(z.DepthMm.Min)}–{Mm(z.DepthMm.Max)}", Range(z.Passes));
        }

        console.Write(table);
        Line(console, $"Interval: {Range(p.IntervalDays)} days · Sessions: {Range(p.Sessions)}");
        Line(console, p.DepthNote);
        if (p.Warnings.Count > 0)
        {
            var warnings = Table("Warning", "Zone", "Why", "Sources");
            foreach (var w in p.Warnings)
            {
                Row(warnings, w.Code, w.Zone is { } zone ? Codes.Of(zone) : "all", w.Message, string.Join(", ", w.Sources));
            }

            console.Write(warnings);
        }

        Footer(console, p.KnowledgeVersion);
    }

    public static void Schedule(IAnsiConsole console, Schedule s)
    {
        if (s.Refusal is { } refusal)
        {
            Heading(console, $"{refusal.Rule}: too soon — the earliest allowed date is {Date(refusal.NotBefore)}");
            Line(console, refusal.Message + " Sources: " + string.Join(", ", refusal.Sources));
            Line(console, s.OverrideReason is { } reason ? $"Overridden by a clinician: {reason}" : "Nothing scheduled.");
        }

        if (s.Sessions.Count > 0)
        {
            var table = Table("Date", "What", "Session");
            foreach (var (date, what, session) in s.Sessions.Select(x => (x.Date, "Session", x.Number))
                         .Concat(s.FollowUps.Select(f => (f.Date, $"{f.Kind}: {f.Message}", f.Session)))
                         .OrderBy(x => x.Item1))
            {
                Row(table, Date(date), what, session.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }

        Line(console, $"Interval: {Range(s.IntervalDays)} days");
        Footer(console, s.KnowledgeVersion);
    }

    public static void Triage(IAnsiConsole console, TriageResult r)
    {
        Heading(console, $"Urgency: {Codes.Of(r.Urgency).ToUpperInvariant()}");
        var table = Table("Rule", "Urgency", "Symptoms", "What to do", "Sources");
        foreach (var f in r.Findings)
        {
            Row(table, f.Rule, Codes.Of(f.Urgency), string.Join(", ", f.Symptoms.Select(Codes.Of)), f.Message, Sources(f.Sources, f.Evidence));
        }

        Findings(console, table, r.Findings.Count);
        Footer(console, r.KnowledgeVersion);
    }

    public static void Score(IAnsiConsole console, ScoreResult r)
    {
        Heading(console, "Goodman & Baron scarring assessment");
        var table = Table("Assessment", "Qualitative grade", "Quantitative score");
        foreach (var a in r.Assessments)
        {
            Row(table, a.Label ?? (a.Date is { } d ? Date(d) : "—"),
                a.QualitativeGrade is { } g ? $"{g} ({a.QualitativeLevel})" : "not graded",
                a.QuantitativeScore is { } q ? $"{q} / {r.QuantitativeMaximum}" : "not scored");
        }

        console.Write(table);
        Line(console, $"Quantitative scores: {r.QuantitativeLabel}.");
        if (r.Improvement is { } i)
        {
            Line(console, $"Improvement (baseline → latest): grade {i.BaselineGrade?.ToString(CultureInfo.InvariantCulture) ?? "—"} → {i.LatestGrade?.ToString(CultureInfo.InvariantCulture) ?? "—"} ({i.Category ?? "no grade"}), " +
                          $"score {i.BaselineScore?.ToString(CultureInfo.InvariantCulture) ?? "—"} → {i.LatestScore?.ToString(CultureInfo.InvariantCulture) ?? "—"}" +
                          (i.PercentChange is { } pc ? $" ({pc.ToString(CultureInfo.InvariantCulture)} % better)" : ""));
            Line(console, i.Note);
        }

        Footer(console, r.KnowledgeVersion);
    }

    public static void Device(IAnsiConsole console, DeviceAssessment r)
    {
        Heading(console, $"Device: {Codes.Of(r.Verdict).ToUpperInvariant()}");
        var table = Table("Rule", "Verdict", "Why", "Sources");
        foreach (var f in r.Findings)
        {
            Row(table, f.Rule, Codes.Of(f.Verdict), Why(f.Message, f.Advice), Sources(f.Sources, f.Evidence));
        }

        Findings(console, table, r.Findings.Count);
        Footer(console, r.KnowledgeVersion);
    }

    public static void Rules(IAnsiConsole console, RulesResult r)
    {
        var table = Table("Rule", "Kind", "Clinic", "Home", "Sources");
        foreach (var rule in r.Rules)
        {
            Row(table, rule.Code, rule.Kind, rule.Clinic, rule.Home, Sources(rule.Sources, rule.Evidence));
        }

        console.Write(table);
        if (r.Rules.Count == 1)
        {
            Line(console, r.Rules[0].Message);
        }

        Footer(console, r.KnowledgeVersion);
    }

    public static void Sources(IAnsiConsole console, SourcesResult r)
    {
        var table = Table("Source", "Status", "Citation", "Cited by");
        foreach (var s in r.Sources)
        {
            Row(table, s.Id, Codes.Of(s.Status), s.Citation, string.Join(", ", s.UsedBy));
        }

        console.Write(table);
        Line(console, "verified: primary record checked · corrected: the seed cited it wrongly, the correct record was checked · unverified: reported, not confirmed · convention: Stratum's own default, for a clinic to review.");
        Footer(console, r.KnowledgeVersion);
    }

    public static void Aftercare(IAnsiConsole console, AftercareResult r)
    {
        Heading(console, (r.Name is null ? "" : r.Name + " — ") + $"Verdict: {Codes.Of(r.Verdict).ToUpperInvariant()} at {Hours(r.HoursSinceTreatment)} h after treatment");
        Line(console, r.Summary);
        var table = Table("#", "Ingredient", "Mark");
        foreach (var i in r.Ingredients)
        {
            var flags = r.Flags.Where(f => f.Inci == i.Inci && f.Position == i.Position).ToList();
            var marks = flags.Select(f => $"{(f.Severity == AftercareVerdict.Avoid ? "!" : "~")} {f.Class} ({Until(f)})")
                .Concat(i.Classes.Where(c => !AftercareChecker.IsFlagClass(c)).Select(c => $"+ {Codes.Of(c)}"))
                .Concat(i.Recognised ? [] : ["? not recognised"])
                .Concat(i.MatchedAs is { } known ? [$"read as {known}"] : []);
            Row(table, i.Position?.ToString(CultureInfo.InvariantCulture) ?? "may contain", i.Inci, string.Join("; ", marks));
        }

        console.Write(table);
        if (r.Flags.Count > 0)
        {
            var why = Table("Ingredient", "Class", "Fine from", "Why", "Sources");
            foreach (var f in r.Flags)
            {
                Row(why, f.Inci, $"{f.Class} ({Codes.Of(f.Severity)})", Until(f), f.Reason, Sources(f.Sources, f.Evidence));
            }

            console.Write(why);
        }

        Line(console, r.Benefits.Count == 0
            ? "Helpful ingredients: none recognised."
            : "Helpful ingredients: " + string.Join(", ", r.Benefits.Select(b => $"{b.Inci} ({Codes.Of(b.Class)})")) + ".");
        if (r.Unrecognised.Count > 0)
        {
            Line(console, "Not recognised: " + string.Join(", ", r.Unrecognised.Select(u => u.Inci)) + ". Check these yourself: nothing is known about them.");
        }

        Line(console, "! avoid · ~ use with care · + helpful · ? not recognised");
        Footer(console, r.KnowledgeVersion);
    }

    public static void Routine(IAnsiConsole console, RoutineResult r)
    {
        Heading(console, $"Routine at {Hours(r.HoursSinceTreatment)} h after treatment");
        Line(console, r.Summary);
        var table = Table("Product", "Verdict", "Usable from", "Why");
        foreach (var p in r.Products)
        {
            var usable = p.UsableFromHours is not { } h ? "never (your avoid list)"
                : p.UsableFrom is { } at ? $"{h} h ({at.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)})"
                : $"{h} h";
            Row(table, p.Name ?? "", Codes.Of(p.Verdict), usable,
                string.Join(", ", p.Flags.Select(f => $"{f.Inci} ({f.Class})").Concat(p.Unrecognised.Select(u => $"{u.Inci} (not recognised)"))));
        }

        console.Write(table);
        Line(console, r.UseNow.Count == 0
            ? "Helpful products to use now: none."
            : "Helpful products to use now: " + string.Join("; ", r.UseNow.Select(u => $"{u.Name} ({string.Join(", ", u.Benefits.Select(b => Codes.Of(b)))})")) + ".");
        Footer(console, r.KnowledgeVersion);
    }

    private static string Until(AftercareFlag f) => f.WindowHours is { } h ? $"{h} h" : "never";

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Why(string message, string? advice) => advice is null ? message : $"{message} {advice}";

    private static string Sources(IReadOnlyList<string> sources, SourceStatus evidence) =>
        string.Join(", ", sources) + (evidence is SourceStatus.Convention or SourceStatus.Unverified ? $" [evidence: {Codes.Of(evidence)}]" : "");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Mm(decimal mm) => mm.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Range(CountRange r) => r.Max switch
    {
        null => $"{r.Min} or more",
        { } max when max == r.Min => $"{r.Min}",
        { } max => $"{r.Min}–{max}",
    };

    private static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        return table;
    }

    private static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)));

    private static void Findings(IAnsiConsole console, Table table, int count)
    {
        if (count == 0)
        {
            Line(console, "No findings.");
        }
        else
        {
            console.Write(table);
        }
    }

    private static void Heading(IAnsiConsole console, string text) => console.Write(new Text(text + "\n", new Style(decoration: Decoration.Bold)));

    private static void Line(IAnsiConsole console, string text) => console.Write(new Text(text + "\n"));

    private static void Footer(IAnsiConsole console, string version) => Line(console, $"knowledge {version}");
}
