using Microsoft.AspNetCore.Identity;

namespace Stratum.Data.Identity;

/// <summary>A member of staff. <see cref="ClinicId"/> is null only for an <see cref="Roles.Admin"/>, who sees every clinic.</summary>
public sealed class StaffUser : IdentityUser
{
    public Guid? ClinicId { get; set; }
}

/// <summary>The role names (DESIGN §5).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string ClinicAdmin = "clinic-admin";
    public const string Clinician = "clinician";
    public const string FrontDesk = "front-desk";

    public static IReadOnlyList<string> All { get; } = [Admin, ClinicAdmin, Clinician, FrontDesk];
}
