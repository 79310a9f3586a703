using System.Net.Mail;
using PhoneNumbers;

namespace Stratum.Data.Patients;

/// <summary>
/// How a clinic reaches a patient: a phone number kept in E.164 (so "07700 900123" and "+44 7700 900123" are one
/// number, and a search finds it however it is typed), an email address, and whether the patient wants mail at all.
/// </summary>
public static class Contact
{
    public const int PhoneLength = 16;
    public const int EmailLength = 254;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Whether <paramref name="region"/> is a region code libphonenumber knows (ISO 3166 alpha-2, e.g. GB).</summary>
    public static bool IsRegion(string region) => Phones.GetSupportedRegions().Contains(region);

    /// <summary>
    /// The number in E.164 (<c>+447700900123</c>), read as a number of <paramref name="region"/> unless it starts with
    /// "+"; null with the reason when it is not a valid number.
    /// </summary>
    public static string? Phone(string text, string region, out string? problem)
    {
        problem = null;
        try
        {
            var number = Phones.Parse(text, region);
            if (Phones.IsValidNumber(number))
            {
                return Phones.Format(number, PhoneNumberFormat.E164);
            }

            problem = $"'{text}' is not a valid phone number (numbers without a leading + are read as {region} numbers)";
        }
        catch (NumberParseException)
        {
            problem = $"'{text}' is not a phone number";
        }

        return null;
    }

    /// <summary>The E.164 number written as people read it: <c>+44 7700 900123</c>.</summary>
    public static string Display(string e164)
    {
        try
        {
            return Phones.Format(Phones.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>The address trimmed and in lower case (how it is stored and searched); null with the reason when it is not one address.</summary>
    public static string? Email(string text, out string? problem)
    {
        var trimmed = text.Trim();
        problem = trimmed.Length > EmailLength ? $"is too long (at most {EmailLength} characters)"
            : !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || address.DisplayName.Length > 0 || !address.Host.Contains('.', StringComparison.Ordinal) || address.Host.EndsWith('.')
                ? $"'{trimmed}' is not an email address (like name@example.com)"
                : null;
        return problem is null ? trimmed.ToLowerInvariant() : null;
    }

    /// <summary>Whether <paramref name="search"/> reads as a phone number rather than a name: digits, with at most + ( ) - . and spaces.</summary>
    public static bool LooksLikePhone(string search) =>
        search.Count(char.IsAsciiDigit) >= 6 && search.All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '-' or '.' or ' ');
}
