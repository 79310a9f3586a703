using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Clinics;
using Stratum.Data.Patients;

namespace Stratum.Data.Infrastructure;

/// <summary>Mapping shared by the clinic-owned aggregates.</summary>
internal static class ClinicOwnedExtensions
{
    /// <summary>Client-made Guid key, clinic foreign key, and the version as concurrency token when editable.</summary>
    public static void IsClinicOwned<T>(this EntityTypeBuilder<T> builder) where T : class, IClinicOwned
    {
        builder.HasOne<Clinic>().WithMany().HasForeignKey(e => e.ClinicId).OnDelete(DeleteBehavior.Restrict);
        if (typeof(T).IsAssignableTo(typeof(Versioned)))
        {
            builder.Property(nameof(Versioned.Version)).IsConcurrencyToken();
        }
    }

    /// <summary>A patient's record: the patient must exist in the same database, and is never deleted under it.</summary>
    public static void BelongsToPatient<T>(this EntityTypeBuilder<T> builder) where T : class
    {
        builder.Property<Guid>("Id").ValueGeneratedNever();
        builder.HasOne<Patient>().WithMany().HasForeignKey("PatientId").OnDelete(DeleteBehavior.Restrict);
    }
}
