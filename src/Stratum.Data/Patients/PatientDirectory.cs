using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Vocabulary;

namespace Stratum.Data.Patients;

/// <summary>One row of the patient list.</summary>
public sealed record PatientListItem(Guid Id, Guid ClinicId, string FamilyName, string GivenName, DateOnly BirthDate, int? Phototype, string? Phone, string? Email, ContactPreference ContactPreference);

/// <summary>
/// One page of the patient list, in name order. <paramref name="Next"/> continues after the last row (keyset paging:
/// the cost of a page does not grow with how far into the list it is); null on the last page.
/// </summary>
public sealed record PatientPage(IReadOnlyList<PatientListItem> Items, int Page, int PageSize, int Total, string? Next);

/// <summary>The patient list and its search, on the (ClinicId, SortKey), (ClinicId, BirthDate), (ClinicId, Phone) and (ClinicId, Email) indexes.</summary>
public static class PatientDirectory
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Patients whose names contain every word of <paramref name="search"/> (any case), born on the date it gives
    /// (yyyy-MM-dd), with the email address it gives, or with the phone number it gives (read as a number of
    /// <paramref name="region"/> unless it starts with +; the last digits of a number also find it). <paramref name="after"/>, a <see cref="PatientPage.Next"/> of an earlier page, takes precedence
    /// over <paramref name="page"/>.
    /// </summary>
    public static async Task<PatientPage> FindAsync(IQueryable<Patient> patients, string? search, string region, int page, int pageSize, string? after, CancellationToken cancellationToken)
    {
        var query = Search(patients, search, region);
        var total = await query.CountAsync(cancellationToken);
        var key = after is null ? null : KeyOf(after) ?? throw new ArgumentException("not a page cursor", nameof(after));
        var rows = await InOrder(query, key)
            .Skip(key is null ? (page - 1) * pageSize : 0)
            .Take(pageSize + 1)
            .Select(p => new { p.SortKey, Item = new PatientListItem(p.Id, p.ClinicId, p.FamilyName, p.GivenName, p.BirthDate, p.Phototype, p.Phone, p.Email, p.ContactPreference) })
            .ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? CursorOf(rows[pageSize - 1].SortKey) : null;
        return new PatientPage([.. rows.Take(pageSize).Select(r => r.Item)], page, pageSize, total, next);
    }

    /// <summary>Whether <paramref name="cursor"/> is a cursor this directory handed out.</summary>
    public static bool IsCursor(string cursor) => KeyOf(cursor) is not null;

    /// <summary>In name order on the (ClinicId, SortKey) index, after the key when one is given.</summary>
    internal static IQueryable<Patient> InOrder(IQueryable<Patient> patients, string? afterKey) =>
        (afterKey is null ? patients : patients.Where(p => string.Compare(p.SortKey, afterKey) > 0)).OrderBy(p => p.SortKey);

    internal static IQueryable<Patient> Search(IQueryable<Patient> patients, string? search, string region)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return patients;
        }

        search = search.Trim();
        if (DateOnly.TryParseExact(search, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            return patients.Where(p => p.BirthDate == born);
        }

        if (search.Contains('@', StringComparison.Ordinal))
        {
            var email = search.ToLowerInvariant();
            return patients.Where(p => p.Email == email);
        }

        if (Contact.LooksLikePhone(search))
        {
            if (Contact.Phone(search, region, out _) is { } number)
            {
                return patients.Where(p => p.Phone == number);
            }

            var digits = string.Concat(search.Where(char.IsAsciiDigit));
            return patients.Where(p => p.Phone != null && p.Phone.EndsWith(digits));
        }

        // The sort key starts with the names in lower case (the .NET way, so beyond ASCII too): a word is looked for
        // there, before the id at its end. SQLite reads it from the (ClinicId, SortKey) index without the table;
        // PostgreSQL finds it through the trigram index on the same expression (migration PatientNameTrigrams).
        foreach (var word in search.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            patients = patients.Where(p => EF.Functions.Like(p.SortKey.Substring(0, p.SortKey.Length - IdSuffixLength), pattern, "\\"));
        }

        return patients;
    }

    /// <summary>The end of a sort key: a space and the id in 32 hex digits.</summary>
    private const int IdSuffixLength = 33;

    private static string CursorOf(string sortKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sortKey));

    private static string? KeyOf(string cursor)
    {
        try
        {
            var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return key.Length is > IdSuffixLength and <= Patient.SortKeyLength && key[^IdSuffixLength] == ' ' ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
