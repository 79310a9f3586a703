namespace Stratum.Data.Infrastructure;

/// <summary>Argument checks of the aggregates' constructors and methods: an invalid aggregate cannot be built.</summary>
internal static class Guard
{
    public static string Text(string? value, int maxLength, string name)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException("must not be empty", name);
        }

        return trimmed.Length <= maxLength ? trimmed : throw new ArgumentException($"must be at most {maxLength} characters", name);
    }

    public static string? OptionalText(string? value, int maxLength, string name) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, maxLength, name);

    public static Guid Id(Guid value, string name) => value != Guid.Empty ? value : throw new ArgumentException("must not be empty", name);

    public static T InRange<T>(T value, T min, T max, string name) where T : IComparable<T> =>
        value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");
}
