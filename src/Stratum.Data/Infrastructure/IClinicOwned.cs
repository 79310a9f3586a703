namespace Stratum.Data.Infrastructure;

/// <summary>Data of one clinic (the tenant): filtered by <see cref="IClinicScope"/> in every query.</summary>
public interface IClinicOwned
{
    Guid ClinicId { get; }
}
