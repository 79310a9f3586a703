using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Consents;
using Stratum.Data.Photos;
using Stratum.Web.Photos;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>
/// Clinical photos, only with the patient's photo consent. An upload is decoded and re-encoded before it is stored,
/// so no metadata of the original (EXIF with GPS, XMP, IPTC) is kept; the file and its thumbnail are kept outside
/// the database with their SHA-256, and a file that no longer matches is never served.
/// </summary>
public static class PhotosApi
{
    /// <summary>Twenty megabytes: more than any phone photo; a larger upload is not a photo.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public const string NoPhotoConsent = "PH-NO-PHOTO-CONSENT";

    private static readonly string[] Types = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];

    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients/{id:guid}/photos").WithTags("Patients");
        api.MapGet("/", ListAsync).WithName("ListPhotos").RequireAuthorization(Policies.ClinicStaff)
            .WithSummary("The patient's photos, oldest first, with zone, stage and session; empty without photo consent.");
        api.MapPost("/", UploadAsync).WithName("UploadPhoto").RequireAuthorization(Policies.ClinicMember)
            .WithSummary("Upload a photo (the body is the JPEG, PNG or WebP file; ?zone=, ?stage=before|after, ?sessionId=); needs the patient's photo consent.");
        api.MapGet("/{photoId:guid}", DownloadAsync).WithName("GetPhoto").RequireAuthorization(Policies.ClinicStaff)
            .WithSummary("The photo, if its file still matches the recorded SHA-256 and the patient's consent still agrees to photographs.");
        api.MapGet("/{photoId:guid}/thumbnail", ThumbnailAsync).WithName("GetPhotoThumbnail").RequireAuthorization(Policies.ClinicStaff)
            .WithSummary("A JPEG at most 320 pixels across, checked like the photo.");
        return app;
    }

    public sealed record PhotoView(Guid Id, string ContentType, long Length, string Sha256, DateTimeOffset TakenAt, Zone? Zone, PhotoStage? Stage, Guid? SessionId, int Width, int Height);

    public static async Task<Results<Ok<IReadOnlyList<PhotoView>>, ProblemHttpResult>> ListAsync(Guid id, HttpContext http, StratumDbContext db, AuditTrail audit, CancellationToken ct)
    {
        if (await PatientsApi.FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var photos = await ShownAsync(db, id, ct);
        await audit.AuditNowAsync(http, patient.ClinicId, AuditAction.Read, "photo", null, id, AuditOutcome.Success, ct);
        return TypedResults.Ok(photos);
    }

    /// <summary>The patient's photos oldest first, or none when the patient's latest consent does not agree to photographs.</summary>
    public static async Task<IReadOnlyList<PhotoView>> ShownAsync(StratumDbContext db, Guid patientId, CancellationToken ct) =>
        await db.PhotoConsentAsync(patientId, ct)
            ? [.. (await db.Scoped<Photo>().AsNoTracking().Where(p => p.PatientId == patientId).OrderBy(p => p.TakenAt).ToListAsync(ct)).Select(View)]
            : [];

    public static Task<Results<Created<PhotoView>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        Guid id, string? zone, string? stage, string? sessionId, HttpRequest request, HttpContext http, StratumDbContext db, AuditTrail audit, PhotoStore store, TimeProvider time, CancellationToken ct) =>
        StoreAsync(id, zone, stage, sessionId, request.ContentType, request.Body, http, db, audit, store, time, ct);

    /// <summary>The upload as the API and the patient page's form make it: the file's type and bytes, and where it belongs.</summary>
    public static async Task<Results<Created<PhotoView>, ValidationProblem, ProblemHttpResult>> StoreAsync(
        Guid id, string? zone, string? stage, string? sessionId, string? contentType, Stream body, HttpContext http, StratumDbContext db, AuditTrail audit, PhotoStore store, TimeProvider time, CancellationToken ct)
    {
        if (await PatientsApi.FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        var errors = new List<InputError>();
        var photoZone = Query<Zone>(zone, "zone", errors);
        var photoStage = Query<PhotoStage>(stage, "stage", errors);
        Guid? session = null;
        if (sessionId is not null)
        {
            session = Guid.TryParse(sessionId, out var parsed) && await PatientsApi.IsSessionOfAsync(db, id, parsed, ct) ? parsed : null;
            if (session is null)
            {
                errors.Add(new InputError("sessionId", "no such session of this patient"));
            }
        }

        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (!Types.Contains(type))
        {
            errors.Add(new InputError("Content-Type", $"'{ObjectReader.Printable(type)}' is not a photo; send image/jpeg, image/png or image/webp"));
        }

        if (errors.Count > 0)
        {
            return Requests.Invalid(errors);
        }

        if (!await db.PhotoConsentAsync(id, ct))
        {
            await audit.AuditNowAsync(http, patient.ClinicId, AuditAction.Create, "photo", null, id, AuditOutcome.Denied, ct);
            return Requests.Conflict($"Photo refused: {NoPhotoConsent}",
                "The patient's latest signed consent does not agree to photographs: the patient signs the consent form with the photographs box ticked first.",
                new Dictionary<string, object?> { ["rule"] = NoPhotoConsent });
        }

        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > MaxBytes)
            {
                return Requests.Invalid([new InputError("$", $"the photo is larger than {MaxBytes / (1024 * 1024)} MB")]);
            }
        }

        var (image, error) = CleanImage.Read(content.ToArray());
        if (image is null)
        {
            return Requests.Invalid([new InputError("$", type is "image/heic" or "image/heif"
                ? "HEIC photos cannot be read on this server: send the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible)"
                : error!)]);
        }

        var photo = Photo.Of(patient.ClinicId, id, image.ContentType, image.Bytes, image.Width, image.Height, image.Thumbnail, time.GetUtcNow(), photoZone, session, photoStage);
        await store.SaveAsync(photo, image.Bytes, image.Thumbnail, ct);
        db.Photos.Add(photo);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "photo", photo.Id, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}/photos/{photo.Id}", View(photo));
    }

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid photoId, HttpContext http, StratumDbContext db, AuditTrail audit, PhotoStore store, CancellationToken ct) =>
        ServeAsync(id, photoId, thumbnail: false, http, db, audit, store, ct);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> ThumbnailAsync(
        Guid id, Guid photoId, HttpContext http, StratumDbContext db, AuditTrail audit, PhotoStore store, CancellationToken ct) =>
        ServeAsync(id, photoId, thumbnail: true, http, db, audit, store, ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ServeAsync(
        Guid id, Guid photoId, bool thumbnail, HttpContext http, StratumDbContext db, AuditTrail audit, PhotoStore store, CancellationToken ct)
    {
        var photo = await db.Scoped<Photo>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.PatientId == id, ct);
        if (photo is null)
        {
            return Requests.NotFound("photo");
        }

        if (!await db.PhotoConsentAsync(id, ct))
        {
            await audit.AuditNowAsync(http, photo.ClinicId, AuditAction.Read, "photo", photoId, id, AuditOutcome.Denied, ct);
            return Requests.Conflict($"Photo withheld: {NoPhotoConsent}", "The patient's latest signed consent does not agree to photographs, so the photos are not shown.",
                new Dictionary<string, object?> { ["rule"] = NoPhotoConsent });
        }

        var bytes = thumbnail ? await store.ReadThumbnailAsync(photo, ct) : await store.ReadVerifiedAsync(photo, ct);
        await audit.AuditNowAsync(http, photo.ClinicId, AuditAction.Read, "photo", photoId, id, bytes is null ? AuditOutcome.Failed : AuditOutcome.Success, ct);
        return bytes is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The photo file is missing or was changed: it no longer matches its recorded SHA-256.")
            : TypedResults.File(bytes, thumbnail ? "image/jpeg" : photo.ContentType);
    }

    private static T? Query<T>(string? value, string name, List<InputError> errors) where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Codes.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(new InputError(name, $"unknown {name} '{ObjectReader.Printable(value)}'; {Codes.Expected<T>()}"));
        return null;
    }

    private static PhotoView View(Photo p) => new(p.Id, p.ContentType, p.Length, p.Sha256, p.TakenAt, p.Zone, p.Stage, p.SessionId, p.Width, p.Height);
}
