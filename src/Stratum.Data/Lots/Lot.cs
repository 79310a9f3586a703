using Stratum.Data.Infrastructure;

namespace Stratum.Data.Lots;

/// <summary>A cartridge lot the clinic keeps in stock; a recall marks it and the recall query finds its sessions.</summary>
public sealed class Lot : Versioned, IClinicOwned
{
    private Lot(Guid id, Guid clinicId, string lotNumber, string product, DateOnly expiry)
    {
        Id = id;
        ClinicId = clinicId;
        LotNumber = lotNumber;
        Product = product;
        Expiry = expiry;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public string LotNumber { get; private set; }

    public string Product { get; private set; }

    public DateOnly Expiry { get; private set; }

    public DateTimeOffset? RecalledAt { get; private set; }

    public string? RecallReason { get; private set; }

    public static Lot Register(Guid clinicId, string lotNumber, string product, DateOnly expiry) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Text(lotNumber, Limits.LotNumberLength, nameof(lotNumber)),
        Guard.Text(product, Limits.ShortText, nameof(product)),
        expiry);

    /// <summary>Marks the lot recalled; a second recall keeps the first date and reason.</summary>
    public void Recall(DateTimeOffset at, string reason)
    {
        var why = Guard.Text(reason, Limits.NoteLength, nameof(reason));
        if (RecalledAt is null)
        {
            RecalledAt = at;
            RecallReason = why;
        }
    }
}
