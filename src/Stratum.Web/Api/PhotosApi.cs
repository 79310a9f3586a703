using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Input;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Photos;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>
/// Clinical photos: the file is kept outside the database with its SHA-256 recorded; a file that no longer matches
/// its hash is never served.
/// </summary>
public static class PhotosApi
{
    /// <summary>Twenty megabytes: more than any phone photo; a larger upload is not a photo.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients/{id:guid}/photos").WithTags("Patients");
        api.MapPost("/", UploadAsync).WithName("UploadPhoto").RequireAuthorization(Policies.ClinicMember)
            .WithSummary("Upload a photo (the body is the JPEG, PNG or WebP file; ?zone= the face zone).");
        api.MapGet("/{photoId:guid}", DownloadAsync).WithName("GetPhoto").RequireAuthorization(Policies.ClinicStaff)
            .WithSummary("The photo, if its file still matches the recorded SHA-256.");
        return app;
    }

    public sealed record PhotoView(Guid Id, string ContentType, long Length, string Sha256, DateTimeOffset TakenAt, Zone? Zone);

    private static readonly (string Type, byte[] Magic)[] Formats =
    [
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/webp", "RIFF"u8.ToArray()),
    ];

    public static async Task<Results<Created<PhotoView>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        Guid id, string? zone, HttpRequest request, HttpContext http, StratumDbContext db, AuditTrail audit, PhotoStore store, TimeProvider time, CancellationToken ct)
    {
        if (await PatientsApi.FindAsync(id, http, db, audit, tracked: false, ct) is not { } patient)
        {
            return Requests.NotFound("patient");
        }

        Zone? photoZone = null;
        if (zone is not null)
        {
            if (!Codes.TryParse<Zone>(zone, out var parsed))
            {
                return Requests.Invalid([new InputError("zone", $"unknown zone '{ObjectReader.Printable(zone)}'; {Codes.Expected<Zone>()}")]);
            }

            photoZone = parsed;
        }

        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (Formats.All(f => f.Type != type))
        {
            return Requests.Invalid([new InputError("Content-Type", $"'{ObjectReader.Printable(type)}' is not a photo; send image/jpeg, image/png or image/webp")]);
        }

        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > MaxBytes)
            {
                return Requests.Invalid([new InputError("$", $"the photo is larger than {MaxBytes / (1024 * 1024)} MB")]);
            }
        }

        var magic = Formats.First(f => f.Type == type).Magic;
        if (content.Length < magic.Length || !content.GetBuffer().AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            return Requests.Invalid([new InputError("$", $"the body is not a {type} file")]);
        }

        content.Position = 0;
        var photo = await store.SaveAsync(patient.ClinicId, id, type!, content, time.GetUtcNow(), photoZone, ct);
        db.Photos.Add(photo);
        audit.Audit(http, patient.ClinicId, AuditAction.Create, "photo", photo.Id, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/patients/{id}/photos/{photo.Id}", View(photo));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid photoId, HttpContext http, StratumDbContext db, AuditTrail audit, PhotoStore store, CancellationToken ct)
    {
        var photo = await db.Scoped<Photo>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.PatientId == id, ct);
        if (photo is null)
        {
            return Requests.NotFound("photo");
        }

        var bytes = await store.ReadVerifiedAsync(photo, ct);
        await audit.AuditNowAsync(http, photo.ClinicId, AuditAction.Read, "photo", photoId, id, bytes is null ? AuditOutcome.Failed : AuditOutcome.Success, ct);
        return bytes is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The photo file is missing or was changed: it no longer matches its recorded SHA-256.")
            : TypedResults.File(bytes, photo.ContentType);
    }

    private static PhotoView View(Photo p) => new(p.Id, p.ContentType, p.Length, p.Sha256, p.TakenAt, p.Zone);
}
