using System.Globalization;

namespace Stratum.Web.Components.Pages.Staff;

/// <summary>
/// How the staff pages write dates, depths and ranges, and the geometry of the server-rendered SVG on the patient page
/// (sessions on a date line, outcome scores over time).
/// </summary>
public static class StaffCharts
{
    public const double Width = 640;
    public const double Left = 48;
    public const double Right = 40;
    public const double ChartHeight = 220;
    public const double Top = 16;
    public const double Bottom = 40;

    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI"];

    public static string Roman(int phototype) => phototype is >= 1 and <= 6 ? Numerals[phototype - 1] : phototype.ToString(CultureInfo.InvariantCulture);

    /// <summary>The x position of <paramref name="day"/> between <paramref name="first"/> and <paramref name="last"/> (the middle when they are equal).</summary>
    public static double X(DateOnly day, DateOnly first, DateOnly last)
    {
        var span = last.DayNumber - first.DayNumber;
        var usable = Width - Left - Right;
        return span == 0 ? Left + usable / 2 : Left + usable * (day.DayNumber - first.DayNumber) / span;
    }

    /// <summary>The y position of a Goodman &amp; Baron score from 0 (bottom) to <paramref name="max"/> (top).</summary>
    public static double Y(int score, int max) => Top + (ChartHeight - Top - Bottom) * (1 - (double)score / max);

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Mm(decimal mm) => mm.ToString("0.0#", CultureInfo.InvariantCulture);

    /// <summary>"3–4", "3" or, open-ended, "28+".</summary>
    public static string Range(Core.Knowledge.CountRange range) =>
        range.Max is not { } max ? $"{range.Min}+" : max == range.Min ? range.Min.ToString(CultureInfo.InvariantCulture) : $"{range.Min}–{max}";

    public static string Short(DateOnly day) => day.ToString("d MMM yy", CultureInfo.InvariantCulture);
}
