using Stratum.Core.Aftercare;
using Stratum.Core.Knowledge;

namespace Stratum.Web.Components.Pages;

/// <summary>The aftercare form as typed: up to <see cref="Slots"/> products keyed "1", "2", "3", and the treatment time.</summary>
public sealed class AftercareForm
{
    public const int Slots = 3;

    public string? TreatedAt { get; set; }

    public string? Avoid { get; set; }

    public Dictionary<string, string> Names { get; set => field = value ?? []; } = [];

    public Dictionary<string, string> Lists { get; set => field = value ?? []; } = [];

    public static IEnumerable<string> Keys => Enumerable.Range(1, Slots).Select(i => i.ToString(PlainWords.Culture));

    /// <summary>The products to check, or null with a message per field id ("treated-at", "inci-1", …) in <paramref name="errors"/>.</summary>
    public IReadOnlyList<AftercareRequest>? ToRequests(DateTime now, KnowledgeBase knowledge, Dictionary<string, string> errors)
    {
        DateTime at = default;
        if (string.IsNullOrWhiteSpace(TreatedAt))
        {
            errors["treated-at"] = "Give the date and time of your treatment.";
        }
        else if (!FormValues.TryDateTime(TreatedAt, out at))
        {
            errors["treated-at"] = "Give the date and time of your treatment, for example 2026-11-24 14:00.";
        }
        else if (at > now)
        {
            errors["treated-at"] = "This time is in the future; give when your treatment was.";
        }

        var filled = Keys.Where(k => !string.IsNullOrWhiteSpace(Lists.GetValueOrDefault(k))).ToList();
        if (filled.Count == 0)
        {
            errors["inci-1"] = "Paste the ingredient list from the product's packaging or website.";
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var avoid = string.IsNullOrWhiteSpace(Avoid) ? [] : AftercareContext.SplitAvoid(Avoid);
        var context = new AftercareContext(now, TreatedAt: at, Avoid: avoid);
        var requests = new List<AftercareRequest>();
        foreach (var key in filled)
        {
            var name = Names.GetValueOrDefault(key)?.Trim() is { Length: > 0 } given ? given : $"Product {key}";
            var request = AftercareRequest.Plain(Lists[key], name, $"inci-{key}", knowledge, context);
            if (request.TryGetValue(out var value))
            {
                requests.Add(value);
            }
            else
            {
                foreach (var error in request.Errors)
                {
                    var field = error.Path.StartsWith("inci-", StringComparison.Ordinal) ? error.Path : "treated-at";
                    errors[field] = field == "treated-at" ? $"The treatment time {error.Message}." : $"The ingredient list {error.Message}.";
                }
            }
        }

        return errors.Count > 0 ? null : requests;
    }
}
