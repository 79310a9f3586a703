using System.Globalization;

namespace Stratum.Core.Input;

/// <summary>Clock times as people give them: <c>2026-11-25T14:00</c> or <c>2026-11-25 14:00</c>, seconds optional, no time zone.</summary>
public static class LocalTime
{
    public const string Format = "yyyy-MM-ddTHH:mm";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryParse(string? text, out DateTime time) =>
        System.DateTime.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

/// <summary>Moments as ISO 8601 with an offset, which is what an appointment's start must be: a clock time alone is ambiguous.</summary>
public static class Instants
{
    public const string Format = "yyyy-MM-ddTHH:mm:ss+hh:mm (or Z)";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public static bool TryParse(string? text, out DateTimeOffset moment) =>
        DateTimeOffset.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment);
}
