using Microsoft.EntityFrameworkCore;
using Stratum.Core.Knowledge;
using Stratum.Core.Records;

namespace Stratum.Data.Consents;

/// <summary>A consent form version as a patient reads it; <see cref="PublishedAt"/> is null for the knowledge files' default.</summary>
public sealed record ConsentFormVersion(string Version, string Title, IReadOnlyList<string> Text, string PhotoText, IReadOnlyList<string> Statements, DateTimeOffset? PublishedAt);

/// <summary>
/// Which consent form a clinic's patients sign: the newest version its clinic-admin published, or, until one is
/// published, the default of knowledge/records.json. Title and statements always come from the knowledge files.
/// </summary>
public static class ConsentForms
{
    public static ConsentFormVersion Default(ConsentFormText form) => new(form.Version, form.Title, form.Text, form.PhotoText, form.Statements, null);

    /// <summary>Every version the clinic published, newest (the current one) first; the default alone when there is none.</summary>
    public static async Task<IReadOnlyList<ConsentFormVersion>> VersionsAsync(this StratumDbContext db, ConsentFormText defaults, CancellationToken ct)
    {
        var published = await db.ConsentForms.AsNoTracking().OrderByDescending(f => f.PublishedAt).ToListAsync(ct);
        return published.Count == 0 ? [Default(defaults)] : [.. published.Select(f => View(f, defaults))];
    }

    public static async Task<ConsentFormVersion> CurrentAsync(this StratumDbContext db, ConsentFormText defaults, CancellationToken ct) =>
        await db.ConsentForms.AsNoTracking().OrderByDescending(f => f.PublishedAt).FirstOrDefaultAsync(ct) is { } form ? View(form, defaults) : Default(defaults);

    /// <summary>
    /// The consent that counts for a session or booking, with what the rules need to judge it: the patient's latest
    /// consent to the current form if there is one, else their latest; only <paramref name="consentId"/> when one is named.
    /// </summary>
    public static async Task<(ConsentOnFile OnFile, Guid? ConsentId)> OnFileAsync(this StratumDbContext db, Guid patientId, ConsentFormText defaults, CancellationToken ct, Guid? consentId = null)
    {
        var current = (await db.CurrentAsync(defaults, ct)).Version;
        var signed = await db.Consents.AsNoTracking().Where(c => c.PatientId == patientId && (consentId == null || c.Id == consentId))
            .OrderByDescending(c => c.FormVersion == current).ThenByDescending(c => c.SignedAt).Select(c => new { c.Id, c.FormVersion }).FirstOrDefaultAsync(ct);
        return (new ConsentOnFile(signed?.FormVersion, current), signed?.Id);
    }

    /// <summary>Whether the patient's latest consent agrees to photographs: a later consent without it withdraws it.</summary>
    public static Task<bool> PhotoConsentAsync(this StratumDbContext db, Guid patientId, CancellationToken ct) =>
        db.Consents.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.SignedAt).Select(c => c.PhotoConsent).FirstOrDefaultAsync(ct);

    public static ConsentFormVersion View(ConsentForm form, ConsentFormText defaults) =>
        new(form.Version, defaults.Title, form.Paragraphs, form.PhotoText, defaults.Statements, form.PublishedAt);
}
