using Stratum.Core.Input;
using Stratum.Core.Vocabulary;
using Stratum.Data.Patients;

namespace Stratum.Web.Api;

/// <summary>A patient's phone, email and contact preference as the create and update bodies give them.</summary>
public static partial class PatientsApi
{
    internal sealed record ContactInput(string? Phone, string? Email, ContactPreference Preference);

    /// <summary>
    /// The contact fields of a body, each normalised; a field left out keeps <paramref name="current"/>'s value, and
    /// <c>null</c> or "" removes it. Without a <c>contactPreference</c> the patient is written to when an email is known,
    /// since aftercare mail is safety information; <c>none</c> says otherwise.
    /// </summary>
    internal static ContactInput? ReadContact(ObjectReader o, Patient? current, string region)
    {
        var phone = Optional(o, "phone", Contact.PhoneLength * 2, current?.Phone, text => Contact.Phone(text, region, out var problem) ?? Problem(o, "phone", problem));
        var email = Optional(o, "email", Contact.EmailLength, current?.Email, text => Contact.Email(text, out var problem) ?? Problem(o, "email", problem));
        var preference = o.Code<ContactPreference>("contactPreference")
            ?? (current is not null && !o.Given("email") ? current.ContactPreference : email is null ? ContactPreference.None : ContactPreference.Email);
        if (preference == ContactPreference.Email && email is null && !o.HasErrors)
        {
            o.Error("contactPreference", "is email, but no email address is given");
        }

        return o.HasErrors ? null : new ContactInput(phone, email, preference);
    }

    private static string? Optional(ObjectReader o, string field, int maxLength, string? current, Func<string, string?> normalise)
    {
        if (!o.Given(field))
        {
            return current;
        }

        var text = o.Text(field, maxLength);
        return string.IsNullOrWhiteSpace(text) ? null : normalise(text.Trim());
    }

    private static string? Problem(ObjectReader o, string field, string? problem)
    {
        o.Error(field, problem ?? "is not valid");
        return null;
    }
}
