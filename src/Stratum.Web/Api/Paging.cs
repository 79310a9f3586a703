using System.Globalization;
using Stratum.Core.Input;

namespace Stratum.Web.Api;

/// <summary>Query-string numbers and days of paged answers, read so that a bad one is a 400 naming the parameter.</summary>
internal static class Paging
{
    public static int Number(string name, string? text, int min, int max, int fallback, List<InputError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new InputError(name, $"must be a whole number from {min} to {max}"));
        return fallback;
    }

    /// <summary>A day as yyyy-MM-dd; <paramref name="fallback"/> when the parameter is absent.</summary>
    public static DateOnly Day(string name, string? text, DateOnly fallback, List<InputError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new InputError(name, "must be a date yyyy-MM-dd"));
        return fallback;
    }
}
