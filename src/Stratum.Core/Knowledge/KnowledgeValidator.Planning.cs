using Stratum.Core.Planning;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Knowledge;

/// <summary>The checks of planning.json: the depth table against the envelope and the screening rules, passes, intervals, courses, home limits, warnings and follow-ups.</summary>
internal sealed partial class KnowledgeValidator
{
    public void Planning(PlanningFile planning, IReadOnlyList<Rule<Verdict>> screeningRules)
    {
        const string file = KnowledgeBase.PlanningFile;
        var depth = planning.Depth;
        CheckSources(file, "depth", depth.Sources);

        var groupOf = new Dictionary<Indication, string>();
        foreach (var (group, indications) in depth.Groups)
        {
            foreach (var indication in indications)
            {
                if (!groupOf.TryAdd(indication, group))
                {
                    Add(file, $"depth.groups.{group}", $"{Codes.Of(indication)} is already in group {groupOf[indication]}");
                }
            }
        }

        foreach (var missing in Enum.GetValues<Indication>().Where(i => !groupOf.ContainsKey(i)))
        {
            Add(file, "depth.groups", $"{Codes.Of(missing)} is in no group");
        }

        var rowOf = new Dictionary<Zone, int>();
        for (var i = 0; i < depth.Rows.Count; i++)
        {
            var row = depth.Rows[i];
            var entry = $"depth row {i + 1} ({string.Join(", ", row.Zones.Select(Codes.Of))})";
            foreach (var zone in row.Zones)
            {
                if (!rowOf.TryAdd(zone, i))
                {
                    Add(file, entry, $"{Codes.Of(zone)} overlaps depth row {rowOf[zone] + 1}");
                }
            }

            foreach (var (group, range) in row.DepthMm)
            {
                if (!depth.Groups.ContainsKey(group))
                {
                    Add(file, entry, $"'{group}' is not a depth group; expected {string.Join(", ", depth.Groups.Keys)}");
                }

                CheckRange(file, $"{entry} {group}", range);
                if (range.Max > planning.Envelope.MaxDepthMm)
                {
                    Add(file, $"{entry} {group}", $"{range.Max} mm is deeper than the envelope's {planning.Envelope.MaxDepthMm} mm");
                }
            }
        }

        foreach (var missing in Enum.GetValues<Zone>().Where(z => !rowOf.ContainsKey(z)))
        {
            Add(file, "depth.rows", $"{Codes.Of(missing)} is in no row");
        }

        foreach (var group in depth.Groups.Keys)
        {
            if (!planning.Passes.TryGetValue(group, out var passes))
            {
                Add(file, "passes", $"no passes for depth group '{group}'");
            }
            else if (passes.Min < 1 || passes.Max is not { } max || max < passes.Min)
            {
                Add(file, $"passes.{group}", "passes need 1 ≤ min ≤ max");
            }
        }

        var envelope = planning.Envelope;
        CheckSources(file, "envelope", envelope.MaxDepthSources);
        foreach (var (entry, value) in new[]
                 {
                     ("envelope.maxDepthMm", envelope.MaxDepthMm), ("envelope.phototypeCap", envelope.PhototypeCap.MaxDepthMm),
                     ("home.maxDepthMm", planning.Home.MaxDepthMm),
                     ("home.faceMaxDepthMm", planning.Home.FaceMaxDepthMm),
                 }.Concat(envelope.ZoneCaps.Select(c => ($"envelope.zoneCaps {Codes.Of(c.Zone)}", c.MaxDepthMm)))
                     .Concat(envelope.RuleCaps.Select(c => ($"envelope.ruleCaps {c.Rule}", c.MaxDepthMm))))
        {
            if (value <= 0 || value > envelope.MaxDepthMm && entry != "envelope.maxDepthMm")
            {
                Add(file, entry, $"{value} mm must be above 0 and within the {envelope.MaxDepthMm} mm envelope");
            }
        }

        var courseOf = new HashSet<Indication>();
        foreach (var course in planning.Courses)
        {
            var entry = "course " + string.Join(", ", course.Indications.Select(Codes.Of));
            foreach (var indication in course.Indications.Where(i => !courseOf.Add(i)))
            {
                Add(file, entry, $"{Codes.Of(indication)} has two courses");
            }

            if (course.IntervalDays.Min < 1 || course.IntervalDays.Max is not { } max || max < course.IntervalDays.Min)
            {
                Add(file, entry, "intervalDays needs 1 ≤ min ≤ max");
            }

            if (course.Sessions.Min < 1 || course.Sessions.Max < course.Sessions.Min)
            {
                Add(file, entry, "sessions needs 1 ≤ min ≤ max");
            }

            CheckSources(file, entry, course.Sources);
        }

        foreach (var missing in Enum.GetValues<Indication>().Where(i => !courseOf.Contains(i)))
        {
            Add(file, "courses", $"{Codes.Of(missing)} has no course");
        }

        if (planning.DefaultClinicMinimumIntervalDays < 1)
        {
            Add(file, "defaultClinicMinimumIntervalDays", "must be at least 1");
        }

        var home = planning.Home;
        CheckSources(file, "home", home.Sources);
        if (home.Intervals.Count == 0 || home.Intervals[^1].NeedleUpToMm is not null || home.Intervals.Any(i => i.MinimumDays < 1))
        {
            Add(file, "home.intervals", "needs entries of at least 1 day, the last with needleUpToMm null (any length)");
        }

        var warningCodes = Unique(planning.Warnings.Select(w => w.Code), file, errors);
        foreach (var warning in planning.Warnings)
        {
            CheckSources(file, warning.Code, warning.Sources);
            CheckText(file, warning.Code, warning.Message);
        }

        foreach (var cap in planning.Envelope.RuleCaps.Where(c => screeningRules.All(r => r.Code != c.Rule)))
        {
            Add(file, $"envelope.ruleCaps {cap.Rule}", "no screening rule has this code");
        }

        var used = Planner.WarningCodes.Concat(planning.Clearances.Select(c => c.Code)).Concat(planning.Envelope.RuleCaps.Select(c => c.Warning));
        foreach (var code in used.Where(c => !warningCodes.Contains(c)))
        {
            Add(file, "warnings", $"{code} has no message");
        }

        foreach (var followUp in planning.FollowUps)
        {
            if (followUp.Anchor is not ("session" or "next-session" or "last-session"))
            {
                Add(file, $"follow-up {followUp.Kind}", $"anchor '{followUp.Anchor}' must be session, next-session or last-session");
            }

            CheckSources(file, $"follow-up {followUp.Kind}", followUp.Sources);
        }
    }

    private void CheckRange(string file, string entry, MmRange range)
    {
        if (range.Min <= 0 || range.Min > range.Max)
        {
            Add(file, entry, $"the range {range.Min}–{range.Max} mm is inverted or not positive");
        }
    }
}
