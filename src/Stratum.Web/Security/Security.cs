using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Stratum.Data;
using Stratum.Data.Identity;
using Stratum.Data.Infrastructure;

namespace Stratum.Web.Security;

/// <summary>Policy names: who may call what (DESIGN §5).</summary>
public static class Policies
{
    /// <summary>Anyone working in a clinic, and the admin.</summary>
    public const string ClinicStaff = "clinic-staff";

    /// <summary>Members of a clinic: the roles that hold a clinic claim (not the admin).</summary>
    public const string ClinicMember = "clinic-member";

    /// <summary>Who may register cartridge lots and read safety signals.</summary>
    public const string ClinicalLead = "clinical-lead";

    public const string Clinician = "clinician";

    /// <summary>Who books appointments (DESIGN §5): clinicians and the front desk.</summary>
    public const string Booking = "booking";

    /// <summary>A clinic's administrator.</summary>
    public const string ClinicAdmin = "clinic-admin";

    public const string Admin = "admin";

    public const string LoginRateLimit = "login";
}

public static class ClaimNames
{
    /// <summary>The clinic a member of staff belongs to; absent for the admin.</summary>
    public const string Clinic = "stratum:clinic";
}

/// <summary>
/// Identity (users, roles, password policy, lockout), bearer tokens for the API and cookies for the web UI, the
/// authorization policies with an authenticated-user fallback, and the clinic scope taken from the user's claims.
/// </summary>
public static class SecurityServices
{
    /// <summary>The scheme that picks bearer tokens when the request has an Authorization header, cookies otherwise.</summary>
    public const string Scheme = "stratum";

    public static IServiceCollection AddStratumSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<RequestClinicScope>();
        services.AddScoped<IClinicScope>(sp => sp.GetRequiredService<RequestClinicScope>());

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StratumDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();

        // The key ring that protects cookies and bearer tokens lives in the database (DESIGN §8): a sign-in made on one
        // web node is good on every node and survives a restart or a lost container.
        services.AddDataProtection().SetApplicationName("Stratum").PersistKeysToDbContext<StratumDbContext>();

        // Cookies are HttpOnly, SameSite=Strict, and Secure whenever the request came over HTTPS.
        services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/access-denied";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;

                // The API answers 401/403 problems; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ClinicStaff, p => p.RequireRole(Roles.Admin, Roles.ClinicAdmin, Roles.Clinician, Roles.FrontDesk))
            .AddPolicy(Policies.ClinicMember, p => p.RequireRole(Roles.ClinicAdmin, Roles.Clinician, Roles.FrontDesk).RequireClaim(ClaimNames.Clinic))
            .AddPolicy(Policies.ClinicalLead, p => p.RequireRole(Roles.ClinicAdmin, Roles.Clinician).RequireClaim(ClaimNames.Clinic))
            .AddPolicy(Policies.Clinician, p => p.RequireRole(Roles.Clinician).RequireClaim(ClaimNames.Clinic))
            .AddPolicy(Policies.Booking, p => p.RequireRole(Roles.Clinician, Roles.FrontDesk).RequireClaim(ClaimNames.Clinic))
            .AddPolicy(Policies.ClinicAdmin, p => p.RequireRole(Roles.ClinicAdmin).RequireClaim(ClaimNames.Clinic))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        return services;
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Adds the clinic claim to a signed-in member of staff.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ClinicId is { } clinic)
        {
            identity.AddClaim(new Claim(ClaimNames.Clinic, clinic.ToString()));
        }

        return identity;
    }
}

/// <summary>
/// The clinic scope of the current request, from the signed-in user's claims: the admin sees every clinic, staff
/// their own, anyone else nothing. Start-up work (bootstrap, demo data) runs as the admin explicitly.
/// </summary>
public sealed class RequestClinicScope(IHttpContextAccessor http) : IClinicScope
{
    private IClinicScope? _fixed;

    public Guid? ClinicId => Current.ClinicId;

    public bool AllClinics => Current.AllClinics;

    private IClinicScope Current => _fixed ?? FromUser(http.HttpContext?.User);

    /// <summary>For work outside a request: the whole scope of this DI scope becomes the admin's.</summary>
    public void RunAsAdmin() => _fixed = ClinicScope.Admin;

    public static IClinicScope FromUser(ClaimsPrincipal? user) => user switch
    {
        { Identity.IsAuthenticated: true } u when u.IsInRole(Roles.Admin) => ClinicScope.Admin,
        { Identity.IsAuthenticated: true } u when Guid.TryParse(u.FindFirstValue(ClaimNames.Clinic), out var clinic) => ClinicScope.Of(clinic),
        _ => ClinicScope.Nobody,
    };
}
