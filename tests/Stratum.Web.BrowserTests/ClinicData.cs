using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>Clinics, staff and records made through the HTTP API, so the browser tests start from real data.</summary>
internal static class ClinicData
{
    public const string StaffPassword = "Staff-Passw0rd-Browser";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<string> TokenAsync(HttpClient http, string email, string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["accessToken"]!.GetValue<string>();
    }

    /// <summary>A clinic with one clinician, made by the admin; the clinician's bearer token and email.</summary>
    public static async Task<(string Token, string Email)> ClinicianAsync(HttpClient http, string admin, string name) =>
        await StaffAsync(http, admin, await ClinicAsync(http, admin, name), "clinician");

    /// <summary>A new clinic with one clinician and one patient (given name Noor): the clinician's token and email, and the patient.</summary>
    public static async Task<(string Token, string Email, Guid Patient)> ClinicianWithPatientAsync(HttpClient http, string clinicName, string family)
    {
        var admin = await TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var (clinician, email) = await ClinicianAsync(http, admin, clinicName);
        var patient = (await PostAsync(http, clinician, "/api/patients", $$"""{ "familyName": "{{family}}", "givenName": "Noor", "birthDate": "1988-03-14" }"""))["id"]!.GetValue<Guid>();
        return (clinician, email, patient);
    }

    public static async Task<Guid> ClinicAsync(HttpClient http, string admin, string name) =>
        (await PostAsync(http, admin, "/api/clinics", $$"""{ "name": "{{name}}" }"""))["id"]!.GetValue<Guid>();

    /// <summary>A member of staff of the clinic with the role; their bearer token and email.</summary>
    public static async Task<(string Token, string Email)> StaffAsync(HttpClient http, string admin, Guid clinic, string role)
    {
        var email = $"{role}.{clinic:n}@stratum.test";
        await PostAsync(http, admin, $"/api/clinics/{clinic}/users", $$"""{ "email": "{{email}}", "password": "{{StaffPassword}}", "role": "{{role}}" }""");
        return (await TokenAsync(http, email, StaffPassword), email);
    }

    public static async Task<JsonObject> PostAsync(HttpClient http, string token, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body) as JsonObject ?? [];
    }

    /// <summary>A 1×1 PNG uploaded as the patient's photo; its id.</summary>
    public static async Task<Guid> PhotoAsync(HttpClient http, string token, Guid patient)
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{patient}/photos?zone=cheeks") { Content = new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } } };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }

    /// <summary>A new desktop browser context without JavaScript, signed in as <paramref name="email"/>.</summary>
    public static async Task<IPage> SignedInPageAsync(BrowserFixture fixture, string email)
    {
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await SignInAsync(page, fixture.BaseUrl, email);
        return page;
    }

    /// <summary>Signs in through the /login form and waits for the patient list.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(baseUrl + "/patients");
    }
}
