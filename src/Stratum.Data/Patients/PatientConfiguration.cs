using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Patients;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.IsClinicOwned();
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.FamilyName).HasMaxLength(Patient.NameLength);
        builder.Property(p => p.GivenName).HasMaxLength(Patient.NameLength);
        builder.Property(p => p.SortKey).HasMaxLength(Patient.SortKeyLength);
        builder.HasIndex(p => new { p.ClinicId, p.SortKey }).IsUnique();
        builder.HasIndex(p => new { p.ClinicId, p.BirthDate });
        builder.Property(p => p.Phone).HasMaxLength(Contact.PhoneLength).IsUnicode(false);
        builder.Property(p => p.Email).HasMaxLength(Contact.EmailLength);
        builder.HasIndex(p => new { p.ClinicId, p.Phone });
        builder.HasIndex(p => new { p.ClinicId, p.Email });

        // Keyed by code: one entry per condition, medication or allergy, as the aggregate keeps it.
        builder.OwnsMany(p => p.Conditions, c =>
        {
            c.ToTable("PatientConditions");
            c.HasKey("PatientId", nameof(PatientCondition.Code));
        });
        builder.OwnsMany(p => p.Medications, m =>
        {
            m.ToTable("PatientMedications");
            m.HasKey("PatientId", nameof(PatientMedication.Code));
        });
        builder.OwnsMany(p => p.Allergies, a =>
        {
            a.ToTable("PatientAllergies");
            a.HasKey("PatientId", nameof(PatientAllergy.Code));
        });
        builder.Navigation(p => p.Conditions).HasField("_conditions");
        builder.Navigation(p => p.Medications).HasField("_medications");
        builder.Navigation(p => p.Allergies).HasField("_allergies");
    }
}
