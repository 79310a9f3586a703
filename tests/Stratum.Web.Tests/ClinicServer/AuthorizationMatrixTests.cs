using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// Every endpoint × every kind of caller, with the expected answer. The endpoint list is read from the running host,
/// so a new endpoint without a row here fails the test until someone decides who may call it.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    // Callers, in column order.
    private static readonly string[] Callers = ["anonymous", "admin", "clinic-admin", "clinician", "front-desk", "other clinic's admin", "other clinic's clinician"];

    private const string Public = "ok ok ok ok ok ok ok";

    /// <summary>"ok" = passed authorization (any answer but 401, 403, 404 or a server error).</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["GET /health"] = Public,
        ["GET /openapi/{documentName}.json"] = Public,
        ["POST /api/screen"] = Public,
        ["POST /api/plan"] = Public,
        ["POST /api/schedule"] = Public,
        ["POST /api/aftercare"] = Public,
        ["POST /api/aftercare/routine"] = Public,
        ["POST /api/triage"] = Public,
        ["POST /api/score"] = Public,
        ["POST /api/device"] = Public,
        ["POST /api/auth/login"] = Public,
        ["POST /api/clinics/"] = "401 ok 403 403 403 403 403",
        ["POST /api/clinics/{id:guid}/users"] = "401 ok 403 403 403 403 403",
        ["GET /api/patients/"] = "401 ok ok ok ok ok ok",
        ["POST /api/patients/"] = "401 403 ok ok ok ok ok",
        ["GET /api/patients/{id:guid}"] = "401 ok ok ok ok 404 404",
        ["PUT /api/patients/{id:guid}"] = "401 403 ok ok ok 404 404",
        ["POST /api/patients/{id:guid}/screenings"] = "401 403 403 ok 403 403 404",
        ["POST /api/patients/{id:guid}/consents/"] = "401 403 ok ok ok 404 404",
        ["GET /api/patients/{id:guid}/consents/{consentId:guid}/pdf"] = "401 ok ok ok ok 404 404",
        ["GET /api/consent-forms/"] = "401 403 ok ok ok ok ok",
        ["POST /api/consent-forms/"] = "401 403 ok 403 403 ok 403",
        ["POST /api/patients/{id:guid}/sessions"] = "401 403 403 ok 403 403 404",
        ["POST /api/patients/{id:guid}/adverse-events"] = "401 403 ok ok ok 404 404",
        ["PUT /api/patients/{id:guid}/adverse-events/{eventId:guid}"] = "401 403 ok ok ok 404 404",
        ["POST /api/patients/{id:guid}/plans"] = "401 403 403 ok 403 403 404",
        ["POST /api/patients/{id:guid}/photos/"] = "401 403 ok ok ok 404 404",
        ["GET /api/patients/{id:guid}/photos/{photoId:guid}"] = "401 ok ok ok ok 404 404",
        ["GET /api/patients/{id:guid}/photos/"] = "401 ok ok ok ok 404 404",
        ["GET /api/patients/{id:guid}/photos/{photoId:guid}/thumbnail"] = "401 ok ok ok ok 404 404",
        ["POST /api/patients/{id:guid}/outcomes"] = "401 403 403 ok 403 403 404",
        ["GET /api/appointments/"] = "401 403 ok ok ok ok ok",
        ["POST /api/appointments/"] = "401 403 403 ok ok 403 ok",
        ["GET /api/appointments/{id:guid}"] = "401 403 ok ok ok 404 404",
        ["PUT /api/appointments/{id:guid}"] = "401 403 ok ok ok 404 404",
        ["GET /api/appointments/clinicians"] = "401 403 ok ok ok ok ok",
        ["GET /api/appointments/calendar.ics"] = "401 403 ok ok ok ok ok",
        ["GET /api/messages/"] = "401 403 ok ok ok ok ok",
        ["GET /api/messages/{id:guid}"] = "401 403 ok ok ok 404 404",
        ["GET /api/lots/"] = "401 403 ok ok ok ok ok",
        ["POST /api/lots/"] = "401 403 ok ok 403 ok ok",
        ["GET /api/lots/{lot}/sessions"] = "401 403 ok 403 403 ok 403",
        ["POST /api/lots/{lot}/recall"] = "401 403 ok 403 403 404 403",
        ["GET /api/signals"] = "401 403 ok ok 403 ok ok",
        ["GET /api/adverse-events/open"] = "401 403 ok ok 403 ok ok",
        ["GET /api/reports/adverse-events"] = "401 403 ok 403 403 ok 403",
        ["GET /api/reports/sessions.csv"] = "401 403 ok 403 403 ok 403",
        ["GET /api/reports/adverse-events.csv"] = "401 403 ok 403 403 ok 403",
        ["GET /api/reports/audit.csv"] = "401 403 ok 403 403 ok 403",
        ["GET /api/audit/"] = "401 403 ok 403 403 ok 403",
        ["GET /api/audit/verify"] = "401 403 ok 403 403 ok 403",
        ["POST /api/audit/verify/full"] = "401 403 ok 403 403 ok 403",
        ["GET /api/audit/verify/full"] = "401 403 ok 403 403 ok 403",
        ["GET /api/audit/checkpoints"] = "401 403 ok 403 403 ok 403",
    };

    [Theory, ClassData(typeof(Providers))]
    public async Task Every_endpoint_answers_each_caller_as_decided(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        var south = await server.CreateClinicAsync("South");
        var patient = (await (await north.FrontDesk.PostJsonAsync("/api/patients", """{ "familyName": "Lindqvist", "givenName": "Maja", "birthDate": "1991-04-02" }""")).JsonAsync())["id"]!.GetValue<Guid>();
        (await north.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-A", "product": "cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        var consent = (await (await north.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "Maja Lindqvist", "photoConsent": true }""")).JsonAsync())["id"]!.GetValue<Guid>();
        var photo = (await (await north.FrontDesk.PostAsync($"/api/patients/{patient}/photos?zone=cheeks",
            new ByteArrayContent(PhotoTests.Png) { Headers = { ContentType = new("image/png") } }, ClinicServer.Cancel)).JsonAsync())["id"]!.GetValue<Guid>();
        var adverse = (await (await north.FrontDesk.PostJsonAsync($"/api/patients/{patient}/adverse-events",
            """{ "setting": "clinic", "hoursSinceTreatment": 30, "symptoms": [{ "code": "erythema" }] }""")).JsonAsync())["id"]!.GetValue<Guid>();
        var appointment = (await (await north.Clinician.PostJsonAsync("/api/appointments", $$"""{ "patientId": "{{patient}}", "start": "2026-12-10T09:00:00Z", "durationMinutes": 20 }""")).JsonAsync())["id"]!.GetValue<Guid>();
        var reminder = (await (await north.FrontDesk.GetAsync("/api/messages", ClinicServer.Cancel)).JsonAsync())["items"]![0]!["id"]!.GetValue<Guid>();
        var clients = new[] { server.CreateClient(), north.Admin, north.ClinicAdmin, north.Clinician, north.FrontDesk, south.ClinicAdmin, south.Clinician };

        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw is "/health" || raw.StartsWith("/openapi", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();
        endpoints.Where(e => !Expected.ContainsKey(e)).ShouldBeEmpty("every endpoint needs a row in the authorization matrix");
        Expected.Keys.Where(k => !endpoints.Contains(k)).ShouldBeEmpty("every row names an endpoint that exists");

        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var (method, pattern) = (endpoint[..endpoint.IndexOf(' ')], endpoint[(endpoint.IndexOf(' ') + 1)..]);
            var id = pattern.StartsWith("/api/clinics", StringComparison.Ordinal) ? north.Id
                : pattern.StartsWith("/api/appointments", StringComparison.Ordinal) ? appointment
                : pattern.StartsWith("/api/messages", StringComparison.Ordinal) ? reminder
                : patient;
            var path = pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
                .Replace("{eventId:guid}", adverse.ToString(), StringComparison.Ordinal).Replace("{photoId:guid}", photo.ToString(), StringComparison.Ordinal).Replace("{consentId:guid}", consent.ToString(), StringComparison.Ordinal).Replace("{lot}", "LOT-A", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal);
            var expected = Expected[endpoint].Split(' ');
            for (var i = 0; i < clients.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var status = (int)(await clients[i].SendAsync(request, ClinicServer.Cancel)).StatusCode;
                var actual = status is 401 or 403 or 404 || status >= 500 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "ok";
                if (actual != expected[i])
                {
                    wrong.Add($"{endpoint} as {Callers[i]}: expected {expected[i]}, got {status}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }
}
