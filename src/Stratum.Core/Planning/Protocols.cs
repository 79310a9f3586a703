using Stratum.Core.Knowledge;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Planning;

/// <summary>Lookups in knowledge/planning.json shared by planning, scheduling and screening (CI-INTERVAL).</summary>
public static class Protocols
{
    public static Course CourseFor(this PlanningFile planning, Indication indication) =>
        planning.Courses.First(c => c.Indications.Contains(indication));

    public static string DepthGroupOf(this PlanningFile planning, Indication indication) =>
        planning.Depth.Groups.First(g => g.Value.Contains(indication)).Key;

    /// <summary>
    /// The shortest allowed gap between two sessions, in days. At home it depends only on the needle length
    /// (no device given: the longest home interval); in a clinic on the indication's course.
    /// </summary>
    public static int MinimumIntervalDays(this PlanningFile planning, Setting setting, Indication? indication, decimal? needleLengthMm) =>
        setting == Setting.Home
            ? HomeMinimumIntervalDays(planning.Home, needleLengthMm)
            : indication is { } i ? planning.CourseFor(i).IntervalDays.Min : planning.DefaultClinicMinimumIntervalDays;

    /// <summary>The interval to plan: the course's range in a clinic; at home the needle-length minimum, with no upper bound.</summary>
    public static CountRange IntervalDays(this PlanningFile planning, Setting setting, Indication indication, decimal? needleLengthMm) =>
        setting == Setting.Home
            ? new CountRange(HomeMinimumIntervalDays(planning.Home, needleLengthMm), null)
            : planning.CourseFor(indication).IntervalDays;

    private static int HomeMinimumIntervalDays(HomeLimits home, decimal? needleLengthMm) =>
        needleLengthMm is { } length
            ? home.Intervals.First(i => i.NeedleUpToMm is null || length <= i.NeedleUpToMm).MinimumDays
            : home.Intervals[^1].MinimumDays;
}
