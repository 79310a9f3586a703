using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Photos;

/// <summary>
/// A clinical photo. The image lives in the photo store outside the database (<see cref="PhotoStore"/>);
/// the row keeps where and its SHA-256, so a file that was swapped or damaged is detected on read.
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

    /// <summary>The file's path below the photo store's root: clinic/patient/photo, never user input.</summary>
    public string RelativePath => Path.Combine(ClinicId.ToString("n"), PatientId.ToString("n"), Id.ToString("n"));

    internal static Photo Create(Guid id, Guid clinicId, Guid patientId, string contentType, string sha256, long length, DateTimeOffset takenAt, Zone? zone) => new(
        id,
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Id(patientId, nameof(patientId)),
        Guard.Text(contentType, Limits.ShortText, nameof(contentType)),
        sha256.Length == Sha256Length ? sha256 : throw new ArgumentException("must be a hex SHA-256", nameof(sha256)),
        length,
        takenAt,
        zone);
}
