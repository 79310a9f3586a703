using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Stratum.Data.Identity;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary><c>POST /api/auth/login</c>: email and password → a bearer token (or, with <c>?useCookies=true</c>, the web UI's cookie).</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth").WithTags("Sign-in").AllowAnonymous().RequireRateLimiting(Policies.LoginRateLimit)
            .MapPost("/login", LoginAsync).WithName("Login")
            .WithSummary("Sign in: { email, password } → bearer token. Five failed attempts lock the account for 15 minutes.");
        return app;
    }

    public sealed record Credentials(string Email, string Password);

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> LoginAsync(
        JsonBody body, SignInManager<StaffUser> signIn, bool? useCookies, CancellationToken ct)
    {
        var input = Requests.ReadObject(body, o =>
        {
            var email = o.Text("email", 256, required: true);
            var password = o.Text("password", 256, required: true);
            return email is null || password is null ? null : new Credentials(email, password);
        });
        if (!input.TryGetValue(out var credentials))
        {
            return Requests.Invalid(input.Errors);
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(credentials.Email, credentials.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer or cookie handler has written the token or the cookie.
            return TypedResults.Empty;
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: result.IsLockedOut ? "The account is locked: after five failed sign-ins for 15 minutes, or for good by the clinic. Try again later or ask your clinic's administrator." : "Wrong email or password.");
    }
}
