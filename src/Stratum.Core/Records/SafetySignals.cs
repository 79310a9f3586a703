using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Records;

/// <summary>An adverse event with what it may share with others: the cartridge lot, the device and the operator of its session.</summary>
public sealed record AdverseEventFacts(Guid Id, Guid PatientId, DateOnly Date, IReadOnlyList<Symptom> Symptoms, string? Lot, string? Device, string? Operator);

/// <summary>A cluster of adverse events of one kind that share one thing, within the signal window.</summary>
/// <param name="SharedBy"><c>lot</c>, <c>device</c> or <c>operator</c>.</param>
public sealed record SafetySignal(
    string Kind,
    string SharedBy,
    string Value,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<Guid> Events,
    IReadOnlyList<Guid> Patients,
    string Message,
    IReadOnlyList<string> Sources);

/// <summary>Finds clusters of infection or granuloma events that share a lot, a device or an operator, so a bad batch shows before the third patient.</summary>
public sealed class SafetySignals(KnowledgeBase knowledge)
{
    public IReadOnlyList<SafetySignal> Find(IEnumerable<AdverseEventFacts> events)
    {
        var settings = knowledge.Records.Signals;
        var all = events.ToList();
        var signals = new List<SafetySignal>();
        foreach (var kind in settings.Kinds)
        {
            var ofKind = all.Where(e => e.Symptoms.Any(kind.Symptoms.Contains)).ToList();
            foreach (var (sharedBy, value) in new (string, Func<AdverseEventFacts, string?>)[] { ("lot", e => e.Lot), ("device", e => e.Device), ("operator", e => e.Operator) })
            {
                foreach (var group in ofKind.Where(e => value(e) is not null).GroupBy(e => value(e)!, StringComparer.Ordinal))
                {
                    var dated = group.OrderBy(e => e.Date).ToList();
                    var start = 0;
                    while (start < dated.Count)
                    {
                        var end = start;
                        while (end + 1 < dated.Count && dated[end + 1].Date.DayNumber - dated[start].Date.DayNumber <= settings.WindowDays)
                        {
                            end++;
                        }

                        var cluster = dated[start..(end + 1)];
                        if (cluster.Count >= settings.MinimumEvents)
                        {
                            signals.Add(new SafetySignal(kind.Kind, sharedBy, group.Key, cluster[0].Date, cluster[^1].Date,
                                [.. cluster.Select(e => e.Id)], [.. cluster.Select(e => e.PatientId).Distinct()],
                                $"{cluster.Count} {kind.Kind} events within {settings.WindowDays} days share {sharedBy} {group.Key}: check the {sharedBy} before it reaches another patient.",
                                kind.Sources));
                            start = end + 1;
                        }
                        else
                        {
                            start++;
                        }
                    }
                }
            }
        }

        return signals;
    }
}
