using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Clinics;
using Stratum.Data.Consents;
using Stratum.Data.Identity;
using Stratum.Data.Infrastructure;
using Stratum.Web.Consents;
using Stratum.Web.Photos;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>
/// Consent forms and signed consents (DESIGN §5): a clinic-admin publishes versions of the form, a patient signs the
/// current one, and the signed form is rendered as a PDF at once, kept with its SHA-256, which the audit trail records.
/// </summary>
public static class ConsentsApi
{
    /// <summary>Half a megabyte of PNG: a drawn signature is a few kilobytes.</summary>
    public const int MaxSignatureBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/consent-forms").WithTags("Consent").RequireAuthorization(Policies.ClinicMember);
        forms.MapGet("/", ListFormsAsync).WithName("ListConsentForms")
            .WithSummary("The clinic's consent form versions, newest (the current one) first; Stratum's default until the clinic publishes one.");
        forms.MapPost("/", PublishFormAsync).WithName("PublishConsentForm").RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Publish a new version of the consent form: { version, text (paragraphs separated by a blank line), photoText }; it becomes the current one.");
        var consents = app.MapGroup("/api/patients/{id:guid}/consents").WithTags("Consent").RequireAuthorization(Policies.ClinicStaff);
        consents.MapPost("/", SignAsync).WithName("SignConsent").RequireAuthorization(Policies.ClinicMember)
            .WithSummary("Sign the current consent form: { formVersion, signedBy, photoConsent, signaturePng? (base64 PNG of a drawn signature) }.");
        consents.MapGet("/{consentId:guid}/pdf", PdfAsync).WithName("GetConsentPdf")
            .WithSummary("The signed consent as a PDF, if it still matches the SHA-256 recorded when it was signed.");
        return app;
    }

    public sealed record ConsentFormView(string Version, string Title, IReadOnlyList<string> Text, string PhotoText, IReadOnlyList<string> Statements, DateTimeOffset? PublishedAt, bool Current);

    public sealed record ConsentSigned(Guid Id, string FormVersion, DateTimeOffset SignedAt, string SignedBy, bool PhotoConsent, string Sha256);

    public static async Task<Ok<IReadOnlyList<ConsentFormView>>> ListFormsAsync(StratumDbContext db, KnowledgeBase knowledge, CancellationToken ct)
    {
        var versions = await db.VersionsAsync(knowledge.Records.ConsentForm, ct);
        return TypedResults.Ok<IReadOnlyList<ConsentFormView>>([.. versions.Select((v, i) => View(v, current: i == 0))]);
    }

    public static async Task<Results<Created<ConsentFormView>, ValidationProblem, ProblemHttpResult>> PublishFormAsync(
        JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        if (Requests.ClinicOf(http.User) is not { } clinicId)
        {
            return Requests.NotFound("clinic");
        }

        var input = Requests.ReadObject(body, o =>
        {
            var version = o.Text("version", ConsentForm.VersionLength, required: true);
            var text = o.Text("text", ConsentForm.TextLength, required: true);
            var photoText = o.Text("photoText", ConsentForm.TextLength, required: true);
            return version is null || text is null || photoText is null || o.HasErrors
                ? null
                : ConsentForm.Publish(clinicId, version, text, photoText, time.GetUtcNow(), Requests.UserId(http));
        });
        if (!input.TryGetValue(out var form))
        {
            return Requests.Invalid(input.Errors);
        }

        if (form.Version == knowledge.Records.ConsentForm.Version || await db.ConsentForms.AnyAsync(f => f.Version == form.Version, ct))
        {
            return Requests.Conflict("That version exists already.", $"A consent form '{form.Version}' was published before: a new text needs a new version name.");
        }

        db.ConsentForms.Add(form);
        audit.Audit(http, clinicId, AuditAction.Create, "consent-form", form.Id, null);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created("/api/consent-forms", View(ConsentForms.View(form, knowledge.Records.ConsentForm), current: true));
    }

    public static async Task<Results<Created<ConsentSigned>, ValidationProblem, ProblemHttpResult>> SignAsync(
        Guid id, JsonBody body, HttpContext http, StratumDbContext db, AuditTrail audit, KnowledgeBase knowledge, TimeProvider time, CancellationToken ct)
    {
        if (await PatientsApi.FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var form = await db.CurrentAsync(knowledge.Records.ConsentForm, ct);
        var input = Requests.ReadObject(body, o =>
        {
            var version = o.Text("formVersion", ConsentForm.VersionLength, required: true);
            var signedBy = o.Text("signedBy", Limits.ShortText, required: true);
            var photos = o.Boolean("photoConsent", required: true);
            var signature = Signature(o);
            if (version is not null && version != form.Version)
            {
                o.Error("formVersion", $"'{ObjectReader.Printable(version)}' is not the current consent form; the patient reads and signs the current one, '{form.Version}'");
            }

            return signedBy is null || photos is null || o.HasErrors ? null : new { SignedBy = signedBy, Photos = photos.Value, Signature = signature };
        });
        if (!input.TryGetValue(out var signing))
        {
            return Requests.Invalid(input.Errors);
        }

        var consent = Consent.Sign(patient.ClinicId, id, form.Version, time.GetUtcNow(), signing.SignedBy, Requests.UserId(http), signing.Photos,
            signing.Signature is null ? SignatureKind.Typed : SignatureKind.Drawn);
        var clinic = await db.Scoped<Clinic>().AsNoTracking().Where(c => c.Id == patient.ClinicId).Select(c => c.Name).FirstAsync(ct);
        var staff = await db.NamesAsync(patient.ClinicId, ct);
        var pdf = ConsentPdf.Render(new SignedConsent(consent.Id, clinic, $"{patient.GivenName} {patient.FamilyName}", patient.BirthDate, form, consent.SignedBy,
            TimeZoneInfo.ConvertTime(consent.SignedAt, time.LocalTimeZone), consent.PhotoConsent, staff.GetValueOrDefault(consent.WitnessedBy, consent.WitnessedBy), signing.Signature));
        var document = ConsentDocument.Of(consent, pdf);
        db.Consents.Add(consent);
        db.ConsentDocuments.Add(document);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "consent", consent.Id, id);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "consent-pdf", PdfEntry(consent.Id, document.Sha256), id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}/consents/{consent.Id}/pdf",
            new ConsentSigned(consent.Id, consent.FormVersion, consent.SignedAt, consent.SignedBy, consent.PhotoConsent, document.Sha256));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        Guid id, Guid consentId, HttpContext http, StratumDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var document = await db.Scoped<ConsentDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.ConsentId == consentId && d.PatientId == id, ct);
        if (document is null)
        {
            return Requests.NotFound("signed consent");
        }

        var intact = document.IsIntact;
        await audit.AuditNowAsync(http, document.ClinicId, AuditAction.Read, "consent-pdf", PdfEntry(consentId, document.Sha256), id, intact ? AuditOutcome.Success : AuditOutcome.Failed, ct);
        return intact
            ? TypedResults.File(document.Pdf, "application/pdf", $"consent-{consentId:n}.pdf")
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The signed consent document was changed: it no longer matches the SHA-256 recorded when it was signed.");
    }

    /// <summary>The audit entry of a consent's PDF names the consent and the document's SHA-256.</summary>
    public static string PdfEntry(Guid consentId, string sha256) => $"{consentId:n}:{sha256}";

    /// <summary>A drawn signature: base64 PNG (a data: URL is accepted), decoded and re-encoded so only the pixels are kept.</summary>
    private static byte[]? Signature(ObjectReader o)
    {
        var text = o.Text("signaturePng", MaxSignatureBytes * 4 / 3 + 64);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var comma = text.StartsWith("data:", StringComparison.Ordinal) ? text.IndexOf(',', StringComparison.Ordinal) : -1;
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text[(comma + 1)..], buffer, out var length) || length < 8 || !buffer.AsSpan(0, 8).SequenceEqual(Png))
        {
            o.Error("signaturePng", "must be a base64 PNG image");
            return null;
        }

        var (image, error) = CleanImage.Read(buffer[..length]);
        if (image is null || image.ContentType != "image/png")
        {
            o.Error("signaturePng", error ?? "must be a PNG image");
            return null;
        }

        return image.Bytes;
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ConsentFormView View(ConsentFormVersion v, bool current) => new(v.Version, v.Title, v.Text, v.PhotoText, v.Statements, v.PublishedAt, current);
}
