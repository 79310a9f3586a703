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
        builder.HasIndex(p => new { p.ClinicId, p.FamilyName, p.GivenName });

        builder.OwnsMany(p => p.Conditions, c =>
        {
            c.ToTable("PatientConditions");
            c.HasIndex("PatientId", nameof(PatientCondition.Code)).IsUnique();
        });
        builder.OwnsMany(p => p.Medications, m =>
        {
            m.ToTable("PatientMedications");
            m.HasIndex("PatientId", nameof(PatientMedication.Code)).IsUnique();
        });
        builder.OwnsMany(p => p.Allergies, a =>
        {
            a.ToTable("PatientAllergies");
            a.HasIndex("PatientId", nameof(PatientAllergy.Code)).IsUnique();
        });
        builder.Navigation(p => p.Conditions).HasField("_conditions");
        builder.Navigation(p => p.Medications).HasField("_medications");
        builder.Navigation(p => p.Allergies).HasField("_allergies");
    }
}
