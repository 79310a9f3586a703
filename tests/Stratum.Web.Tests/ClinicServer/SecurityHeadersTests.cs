using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// Every page (the list is read from the running host), the API and <c>/docs</c> answer with the security headers,
/// and the session and antiforgery cookies are HttpOnly, SameSite=Strict, and Secure when served over HTTPS.
/// </summary>
public sealed partial class SecurityHeadersTests
{
    [Fact]
    public async Task Every_page_api_answer_and_the_docs_forbid_framing_sniffing_referrers_and_scripts_from_anywhere_else()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var patient = (await (await north.FrontDesk.PostJsonAsync("/api/patients", """{ "familyName": "Lindqvist", "givenName": "Maja", "birthDate": "1991-04-02" }""")).JsonAsync())["id"]!.GetValue<Guid>();
        var pages = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!.Replace("{Id:guid}", patient.ToString(), StringComparison.Ordinal).Replace("{Number}", "LOT-A", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        pages.Count.ShouldBeGreaterThan(10);
        var paths = pages.Concat(["/api/patients", $"/api/patients/{patient}", "/api/lots", "/health", "/openapi/v1.json", "/docs/", "/no-such-page"]).ToList();

        foreach (var client in new[] { server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), north.ClinicAdmin, north.Clinician })
        {
            foreach (var path in paths)
            {
                var response = await client.GetAsync(path, ClinicServer.Cancel);
                var headers = response.Headers;
                string Header(string name) => headers.TryGetValues(name, out var values) ? string.Join(",", values) : "(none)";
                Header("X-Frame-Options").ShouldBe("DENY", path);
                Header("X-Content-Type-Options").ShouldBe("nosniff", path);
                Header("Referrer-Policy").ShouldBe("no-referrer", path);
                headers.Contains("Server").ShouldBeFalse(path);
                var csp = Directives(Header("Content-Security-Policy"));
                csp["frame-ancestors"].ShouldBe("'none'", path);
                csp["default-src"].ShouldBe("'self'", path);
                csp["object-src"].ShouldBe("'none'", path);
                csp["form-action"].ShouldBe("'self'", path);
                csp.Values.ShouldAllBe(sources => !sources.Contains("http", StringComparison.Ordinal) && !sources.Contains('*'), $"{path}: no other origins");
                if (path == "/docs/")
                {
                    // The reference's one inline script carries this response's nonce; inline script stays forbidden.
                    var nonce = NonceSource().Match(csp["script-src"]).Groups[1].Value;
                    nonce.ShouldNotBeEmpty();
                    csp["script-src"].ShouldNotContain("unsafe-inline");
                    var html = await response.Content.ReadAsStringAsync(ClinicServer.Cancel);
                    ScriptTag().Matches(html).ShouldAllBe(m => WebUtility.HtmlDecode(m.Value).Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal));
                }
                else
                {
                    csp["script-src"].ShouldBe("'self'", path);
                    csp["style-src"].ShouldBe("'self'", path);
                }
            }
        }
    }

    [Fact]
    public async Task Sign_in_cookies_are_http_only_same_site_strict_and_secure_over_https()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var email = $"clinician.{north.Id:n}@stratum.test";

        foreach (var https in new[] { true, false })
        {
            var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(https ? "https://localhost" : "http://localhost") });
            var (cookies, _) = await client.SignInWithFormAsync(email, ClinicServer.StaffPassword);

            cookies.ShouldContain(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
            cookies.ShouldContain(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
            foreach (var cookie in cookies)
            {
                var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
                attributes.ShouldContain("httponly", cookie);
                attributes.ShouldContain("samesite=strict", cookie);
                attributes.Contains("secure").ShouldBe(https, cookie);
            }
        }
    }

    private static Dictionary<string, string> Directives(string policy) => policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
