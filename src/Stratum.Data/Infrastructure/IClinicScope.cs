namespace Stratum.Data.Infrastructure;

/// <summary>
/// Whose data the current user may see: one clinic, or every clinic for an <c>admin</c>.
/// The web host resolves it from the user's clinic claim; Stratum.Data only applies it.
/// </summary>
public interface IClinicScope
{
    /// <summary>The user's clinic; null for an admin, or for nobody when <see cref="AllClinics"/> is false.</summary>
    Guid? ClinicId { get; }

    bool AllClinics { get; }

    /// <summary>Whether data of <paramref name="clinicId"/> is visible in this scope.</summary>
    bool Includes(Guid clinicId) => AllClinics || ClinicId == clinicId;
}

/// <summary>A scope fixed at construction, for tools, tests and design time.</summary>
public sealed record ClinicScope(Guid? ClinicId, bool AllClinics) : IClinicScope
{
    public static ClinicScope Admin { get; } = new(null, true);

    public static ClinicScope Nobody { get; } = new(null, false);

    public static ClinicScope Of(Guid clinicId) => new(clinicId, false);
}

/// <summary>A write of data outside the current clinic scope: a bug or an attack, never a user error.</summary>
public sealed class ClinicScopeViolationException(string entity, Guid clinicId)
    : InvalidOperationException($"{entity} of clinic {clinicId} is outside the current clinic scope.");
