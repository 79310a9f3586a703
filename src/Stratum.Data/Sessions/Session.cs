using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Sessions;

/// <summary>
/// A treatment session as performed: zones with depth and passes, the device, the cartridge lot (for recall),
/// the consent it was done under, and the reason when a screening or interval refusal was overridden.
/// </summary>
public sealed class Session : Versioned, IClinicOwned
{
    private readonly List<TreatedZone> _zones = [];

    private Session(Guid id, Guid clinicId, Guid patientId, Guid? treatmentPlanId, DateOnly date, string operatorId,
        DeviceUsed device, string lotNumber, DateOnly lotExpiry, Guid consentId, string? overrideReason)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        TreatmentPlanId = treatmentPlanId;
        Date = date;
        OperatorId = operatorId;
        Device = device;
        LotNumber = lotNumber;
        LotExpiry = lotExpiry;
        ConsentId = consentId;
        OverrideReason = overrideReason;
    }

    // For EF: owned Device is bound after construction.
    private Session()
    {
        OperatorId = LotNumber = string.Empty;
        Device = null!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid? TreatmentPlanId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The <see cref="Identity.StaffUser"/> id of the clinician who needled.</summary>
    public string OperatorId { get; private set; }

    public DeviceUsed Device { get; private set; }

    /// <summary>The cartridge lot, as printed on the pack; "who was treated with lot X" searches it.</summary>
    public string LotNumber { get; private set; }

    public DateOnly LotExpiry { get; private set; }

    public Guid ConsentId { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Why the session went ahead although screening or the healing interval refused it; null when nothing was overridden.</summary>
    public string? OverrideReason { get; private set; }

    public IReadOnlyList<TreatedZone> Zones => _zones.AsReadOnly();

    /// <summary>Records a session; an expired cartridge is refused (a sterile single-use needle past its date is not sterile).</summary>
    public static Session Record(Guid clinicId, Guid patientId, Guid? treatmentPlanId, DateOnly date, string operatorId,
        DeviceUsed device, string lotNumber, DateOnly lotExpiry, Guid consentId, IEnumerable<TreatedZone> zones, string? overrideReason = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (lotExpiry < date)
        {
            throw new ArgumentException($"cartridge lot expired on {lotExpiry:yyyy-MM-dd}, before the session on {date:yyyy-MM-dd}", nameof(lotExpiry));
        }

        var session = new Session(
            Guid.NewGuid(),
            Guard.Id(clinicId, nameof(clinicId)),
            Guard.Id(patientId, nameof(patientId)),
            treatmentPlanId,
            date,
            Guard.Text(operatorId, Limits.UserIdLength, nameof(operatorId)),
            device,
            Guard.Text(lotNumber, Limits.LotNumberLength, nameof(lotNumber)),
            lotExpiry,
            Guard.Id(consentId, nameof(consentId)),
            Guard.OptionalText(overrideReason, Limits.NoteLength, nameof(overrideReason)));
        foreach (var zone in zones)
        {
            session.AddZone(zone);
        }

        return session.Zones.Count > 0 ? session : throw new ArgumentException("a session treats at least one zone", nameof(zones));
    }

    public void AddZone(TreatedZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (_zones.Any(z => z.Zone == zone.Zone))
        {
            throw new ArgumentException($"zone '{Codes.Of(zone.Zone)}' is already recorded", nameof(zone));
        }

        _zones.Add(zone);
    }

    public void WriteNotes(string? notes) => Notes = Guard.OptionalText(notes, Limits.NoteLength, nameof(notes));
}

/// <summary>One zone as treated: needle depth in mm and number of passes.</summary>
public sealed record TreatedZone
{
    public TreatedZone(Zone zone, decimal depthMm, int passes)
    {
        Zone = zone;
        DepthMm = Guard.InRange(depthMm, 0.05m, DeviceSpec.MaxNeedleLengthMm, nameof(depthMm));
        Passes = Guard.InRange(passes, 1, 20, nameof(passes));
    }

    public Zone Zone { get; private init; }

    public decimal DepthMm { get; private init; }

    public int Passes { get; private init; }
}

/// <summary>The device as used: make, model and needle configuration (e.g. "36-needle cartridge").</summary>
public sealed record DeviceUsed
{
    public DeviceUsed(string make, string model, string needleConfiguration)
    {
        Make = Guard.Text(make, Limits.ShortText, nameof(make));
        Model = Guard.Text(model, Limits.ShortText, nameof(model));
        NeedleConfiguration = Guard.Text(needleConfiguration, Limits.ShortText, nameof(needleConfiguration));
    }

    public string Make { get; private init; }

    public string Model { get; private init; }

    public string NeedleConfiguration { get; private init; }
}
