using System.Globalization;
using System.Net;
using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Messages;

/// <summary>
/// What a message is about, as the outbox found it when the message was due. Times are the clinic's local times.
/// </summary>
/// <param name="EventAt">The appointment's start (a reminder) or when the patient was treated (aftercare, follow-up).</param>
/// <param name="DurationMinutes">The appointment's length; null for a session's messages.</param>
/// <param name="SendAt">When it is being sent: an aftercare message lists the windows still open then.</param>
/// <param name="Triage">The absolute address of the public is-this-normal check.</param>
public sealed record MessageFacts(MessageKind Kind, string Clinic, string FirstName, DateTimeOffset EventAt, int? DurationMinutes, DateTimeOffset SendAt, Uri Triage);

/// <summary>A message ready to mail: the same words as plain text and as HTML.</summary>
public sealed record MessageContent(string Subject, string Text, string Html);

/// <summary>A product class not to use on the treated skin until <paramref name="Until"/>.</summary>
public sealed record AvoidUntil(IngredientClass Class, string Name, DateTimeOffset Until);

/// <summary>
/// Writes the patient messages of DESIGN §5 from the templates in records.json; what to avoid until when comes from
/// the same windows the product checker uses (ingredients.json), worked out for the moment of sending.
/// </summary>
public static class PatientMessages
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static MessageContent Compose(KnowledgeBase knowledge, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(facts);
        var settings = knowledge.Records.Messages;
        var template = settings.Of(facts.Kind);
        var avoid = AvoidParagraph(OpenWindows(knowledge, facts.EventAt, facts.SendAt), Closed(knowledge, facts.EventAt, facts.SendAt));
        var triage = facts.Triage.AbsoluteUri;
        (string, string)[] values =
        [
            ("name", facts.FirstName),
            ("clinic", facts.Clinic),
            ("date", Day(facts.EventAt)),
            ("time", facts.EventAt.ToString("HH:mm", Culture)),
            ("duration", facts.DurationMinutes?.ToString(Culture) ?? ""),
            ("avoid", avoid),
        ];

        var paragraphs = template.Body.Select(p => (Text: Placeholders.Fill(p, values), Template: p)).Where(p => p.Text.Trim().Length > 0).ToList();
        var text = string.Join("\n\n", paragraphs.Select(p => p.Text.Replace("{triage}", triage, StringComparison.Ordinal)));
        var link = $"<a href=\"{WebUtility.HtmlEncode(triage)}\">{WebUtility.HtmlEncode(triage)}</a>";
        var encoded = values.Select(v => (v.Item1, WebUtility.HtmlEncode(v.Item2))).Append(("triage", link)).ToList();
        var html = "<!DOCTYPE html>\n<html><body>\n"
            + string.Join("\n", paragraphs.Select(p => "<p>" + Placeholders.Fill(WebUtility.HtmlEncode(p.Template), encoded) + "</p>"))
            + "\n</body></html>\n";
        return new MessageContent(Placeholders.Fill(template.Subject, values), text, html);
    }

    /// <summary>The classes whose window after a treatment at <paramref name="treatedAt"/> is still open at <paramref name="at"/>, soonest closing first.</summary>
    public static IReadOnlyList<AvoidUntil> OpenWindows(KnowledgeBase knowledge, DateTimeOffset treatedAt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return [.. Windows(knowledge, treatedAt).Where(w => w.Until > at).OrderBy(w => w.Until).ThenBy(w => w.Class)];
    }

    private static IEnumerable<AvoidUntil> Windows(KnowledgeBase knowledge, DateTimeOffset treatedAt) =>
        knowledge.Ingredients.Data.Classes.Where(c => c.WindowHours is not null)
            .Select(c => new AvoidUntil(c.Code, knowledge.Records.Messages.NameOf(c.Code), treatedAt.AddHours(c.WindowHours!.Value)));

    private static List<AvoidUntil> Closed(KnowledgeBase knowledge, DateTimeOffset treatedAt, DateTimeOffset at) =>
        [.. Windows(knowledge, treatedAt).Where(w => w.Until <= at).OrderBy(w => w.Class)];

    private static string AvoidParagraph(IReadOnlyList<AvoidUntil> open, List<AvoidUntil> closed)
    {
        var sentences = open.GroupBy(w => w.Until)
            .Select(g => $"Until {Day(g.Key)} at {g.Key.ToString("HH:mm", Culture)}, do not put products on the treated skin that contain {List(g.Select(w => w.Name))}.")
            .ToList();
        if (closed.Count > 0)
        {
            sentences.Add($"The wait after treatment for {List(closed.Select(w => w.Name))} is over: you can use them again once your skin is no longer red or sore.");
        }

        return string.Join(" ", sentences);
    }

    private static string Day(DateTimeOffset moment) => moment.ToString("dddd d MMMM yyyy", Culture);

    private static string List(IEnumerable<string> names) => Prose.List([.. names], "or");
}
