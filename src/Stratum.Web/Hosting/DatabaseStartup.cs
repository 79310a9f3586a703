using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stratum.Data;
using Stratum.Data.Identity;
using Stratum.Web.Security;

namespace Stratum.Web.Hosting;

/// <summary>
/// Start-up work on the database: migrations, the four roles, and the first admin from
/// <c>Stratum:Bootstrap:AdminEmail</c>/<c>AdminPassword</c> on an empty database (there is no built-in password).
/// </summary>
internal static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        await StratumDatabase.MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestClinicScope>().RunAsAdmin();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Stratum.Bootstrap");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (!await users.Users.AnyAsync(ct))
        {
            await BootstrapAdminAsync(users, configuration, logger);
        }

        if (demo)
        {
            await DemoData.FillAsync(scope.ServiceProvider, configuration, logger, ct);
        }

        await DemoData.LockAccountsAsync(users, demo, logger, ct);
    }

    private static async Task BootstrapAdminAsync(UserManager<StaffUser> users, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["Stratum:Bootstrap:AdminEmail"];
        var password = configuration["Stratum:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("No users yet: set Stratum__Bootstrap__AdminEmail and Stratum__Bootstrap__AdminPassword to create the first admin.");
            return;
        }

        var admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The bootstrap admin could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Created the first admin {Email}.", email);
    }

    /// <summary>A password that meets the policy, for demo accounts when none is configured.</summary>
    public static string RandomPassword() => "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "a";
}

/// <summary><c>GET /health</c>: healthy when the database answers and the knowledge is loaded.</summary>
internal sealed class DatabaseHealthCheck(StratumDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
