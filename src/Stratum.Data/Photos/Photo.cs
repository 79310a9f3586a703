using System.Security.Cryptography;
using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Photos;

/// <summary>Whether a photo shows the skin before or after the treatment of its session.</summary>
public enum PhotoStage { Before, After }

/// <summary>
/// A clinical photo. The image and its thumbnail live in the photo store outside the database (<see cref="PhotoStore"/>);
/// the row keeps their SHA-256, so a file that was swapped or damaged is detected on read.
/// </summary>
public sealed class Photo : IClinicOwned
{
    public const int Sha256Length = 64;

    private Photo(Guid id, Guid clinicId, Guid patientId, string contentType, string sha256, long length, DateTimeOffset takenAt, Zone? zone)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        ContentType = contentType;
        Sha256 = sha256;
        Length = length;
        TakenAt = takenAt;
        Zone = zone;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public string ContentType { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; private set; }

    public long Length { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    public Zone? Zone { get; private set; }

    /// <summary>The session the photo belongs to, when it was taken at one.</summary>
    public Guid? SessionId { get; private set; }

    public PhotoStage? Stage { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the thumbnail (a JPEG); null for photos stored before thumbnails were made.</summary>
    public string? ThumbnailSha256 { get; private set; }

    /// <summary>The file's path below the photo store's root: clinic/patient/photo, never user input.</summary>
    public string RelativePath => Path.Combine(ClinicId.ToString("n"), PatientId.ToString("n"), Id.ToString("n"));

    public string ThumbnailPath => RelativePath + ".thumbnail";

    /// <summary>A photo of already cleaned bytes (decoded and re-encoded, so no metadata of the original is kept).</summary>
    public static Photo Of(Guid clinicId, Guid patientId, string contentType, byte[] image, int width, int height, byte[] thumbnail,
        DateTimeOffset takenAt, Zone? zone, Guid? sessionId, PhotoStage? stage) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Id(patientId, nameof(patientId)),
        Guard.Text(contentType, Limits.ShortText, nameof(contentType)),
        Hash(image),
        image.LongLength,
        takenAt,
        zone)
    {
        SessionId = sessionId,
        Stage = stage,
        Width = Guard.InRange(width, 1, 100_000, nameof(width)),
        Height = Guard.InRange(height, 1, 100_000, nameof(height)),
        ThumbnailSha256 = Hash(thumbnail),
    };

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
