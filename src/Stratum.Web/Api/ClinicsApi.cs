using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stratum.Data;
using Stratum.Data.Clinics;
using Stratum.Data.Identity;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>The admin's work: clinics and their staff accounts.</summary>
public static class ClinicsApi
{
    public static IEndpointRouteBuilder MapClinicsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clinics").WithTags("Clinics").RequireAuthorization(Policies.Admin);
        api.MapPost("/", CreateClinicAsync).WithName("CreateClinic").WithSummary("Create a clinic: { name }.");
        api.MapPost("/{id:guid}/users", AddUserAsync).WithName("AddClinicUser")
            .WithSummary("Add a member of staff: { email, password, role } with role clinician, front-desk or clinic-admin.");
        return app;
    }

    public sealed record ClinicView(Guid Id, string Name);

    public sealed record UserView(string Id, string Email, string Role, Guid ClinicId);

    private sealed record NewUser(string Email, string Password, string Role);

    private static readonly string[] ClinicRoles = [Roles.ClinicAdmin, Roles.Clinician, Roles.FrontDesk];

    public static async Task<Results<Created<ClinicView>, ValidationProblem>> CreateClinicAsync(JsonBody body, StratumDbContext db, CancellationToken ct)
    {
        var input = Requests.ReadObject(body, o => o.Text("name", Clinic.NameLength, required: true) is { } name && !string.IsNullOrWhiteSpace(name)
            ? Clinic.Create(name.Trim())
            : Fail(o, "name"));
        if (!input.TryGetValue(out var clinic))
        {
            return Requests.Invalid(input.Errors);
        }

        db.Clinics.Add(clinic);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/clinics/{clinic.Id}", new ClinicView(clinic.Id, clinic.Name));
    }

    public static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> AddUserAsync(
        Guid id, JsonBody body, StratumDbContext db, UserManager<StaffUser> users, CancellationToken ct)
    {
        if (!await db.Scoped<Clinic>().AnyAsync(c => c.Id == id, ct))
        {
            return Requests.NotFound("clinic");
        }

        var input = Requests.ReadObject(body, o =>
        {
            var email = o.Text("email", 256, required: true);
            var password = o.Text("password", 256, required: true);
            var role = o.Text("role", 32, required: true);
            if (role is not null && !ClinicRoles.Contains(role))
            {
                o.Error("role", $"'{role}' is not a clinic role; expected one of {string.Join(", ", ClinicRoles)}");
            }

            return email is null || password is null || role is null || o.HasErrors ? null : new NewUser(email.Trim(), password, role);
        });
        if (!input.TryGetValue(out var user))
        {
            return Requests.Invalid(input.Errors);
        }

        var staff = new StaffUser { UserName = user.Email, Email = user.Email, ClinicId = id, EmailConfirmed = true };
        var created = await users.CreateAsync(staff, user.Password);
        if (!created.Succeeded)
        {
            return Requests.Invalid([.. created.Errors.Select(e => new Core.Input.InputError(
                e.Code.Contains("Password", StringComparison.Ordinal) ? "$.password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "$.email" : "$",
                e.Description))]);
        }

        await users.AddToRoleAsync(staff, user.Role);
        return TypedResults.Created($"/api/clinics/{id}/users/{staff.Id}", new UserView(staff.Id, user.Email, user.Role, id));
    }

    private static Clinic? Fail(Core.Input.ObjectReader o, string field)
    {
        if (!o.HasErrors)
        {
            o.Error(field, "is empty");
        }

        return null;
    }
}
