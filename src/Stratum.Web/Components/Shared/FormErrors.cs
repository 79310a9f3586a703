namespace Stratum.Web.Components.Shared;

/// <summary>The attributes that tie an input to its message (see <c>FieldError</c>): aria-invalid and aria-describedby.</summary>
public static class FormErrors
{
    public static string? Invalid(this IReadOnlyDictionary<string, string> errors, string field) => errors.ContainsKey(field) ? "true" : null;

    public static string? Described(this IReadOnlyDictionary<string, string> errors, string field) => errors.ContainsKey(field) ? $"{field}-error" : null;

    /// <summary>As <see cref="Described(IReadOnlyDictionary{string, string}, string)"/>, for a field that also has a hint.</summary>
    public static string Described(this IReadOnlyDictionary<string, string> errors, string field, string hint) =>
        errors.ContainsKey(field) ? $"{hint} {field}-error" : hint;
}
