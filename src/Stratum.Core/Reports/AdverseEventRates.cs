namespace Stratum.Core.Reports;

/// <summary>How the report groups sessions: by cartridge lot, by device (make and model) or by the clinician who needled.</summary>
public enum ReportGrouping { Lot, Device, Clinician }

/// <summary>A session of the period as the report reads it.</summary>
public sealed record ReportSession(Guid Id, string Lot, string Device, string Clinician);

/// <summary>One group: its sessions, the adverse events reported for them, and the rate per 100 sessions.</summary>
public sealed record RateRow(string Group, int Sessions, int AdverseEvents, decimal RatePer100);

/// <summary>
/// The report of DESIGN §5: per group, adverse events per 100 sessions. The rate counts the events reported for the
/// sessions of the period (whenever they were reported), so numerator and denominator are the same sessions; events
/// not linked to any session cannot be put in a group and are counted apart.
/// </summary>
public sealed record AdverseEventReport(ReportGrouping By, IReadOnlyList<RateRow> Rows, RateRow Total, int UnlinkedAdverseEvents);

public static class AdverseEventRates
{
    /// <param name="eventSessions">The session of each adverse event of these sessions (one entry per event).</param>
    /// <param name="unlinked">Events of the period reported without a session.</param>
    public static AdverseEventReport Compute(ReportGrouping by, IReadOnlyCollection<ReportSession> sessions, IReadOnlyCollection<Guid> eventSessions, int unlinked)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(eventSessions);
        var events = eventSessions.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var rows = sessions.GroupBy(s => by switch { ReportGrouping.Lot => s.Lot, ReportGrouping.Device => s.Device, _ => s.Clinician }, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Count(), g.Sum(s => events.GetValueOrDefault(s.Id))))
            .OrderByDescending(r => r.RatePer100).ThenByDescending(r => r.Sessions).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        var counted = sessions.Sum(s => events.GetValueOrDefault(s.Id));
        return new AdverseEventReport(by, rows, Row("all sessions", sessions.Count, counted), unlinked);
    }

    private static RateRow Row(string group, int sessions, int adverseEvents) =>
        new(group, sessions, adverseEvents, sessions == 0 ? 0 : Math.Round(100m * adverseEvents / sessions, 1, MidpointRounding.AwayFromZero));
}
