using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Stratum.Benchmarks.Load;

/// <summary>A clinic made through the API of a bench host: its clinic admin's token and one patient with a record.</summary>
public sealed record BenchClinic(string Token, Guid Patient)
{
    public const string AdminEmail = "admin@bench.stratum.test";
    public const string Password = "Bench-Password-2026";

    /// <summary>
    /// Signs in the bootstrap admin, makes a clinic and its clinic admin, a lot, and a patient who was screened,
    /// consented and treated twice, so that a read of the record reads every part of it.
    /// </summary>
    public static async Task<BenchClinic> CreateAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        var admin = await TokenAsync(client, AdminEmail);
        var clinic = (await PostAsync(client, admin, "/api/clinics", new { name = "Bench" }))["id"]!.GetValue<Guid>();
        const string staff = "clinic-admin@bench.stratum.test";
        await PostAsync(client, admin, $"/api/clinics/{clinic}/users", new { email = staff, password = Password, role = "clinic-admin" });
        const string clinician = "clinician@bench.stratum.test";
        await PostAsync(client, admin, $"/api/clinics/{clinic}/users", new { email = clinician, password = Password, role = "clinician" });
        var token = await TokenAsync(client, staff);
        var treating = await TokenAsync(client, clinician);
        var patient = (await PostAsync(client, token, "/api/patients", new { familyName = "Lindqvist", givenName = "Maja", birthDate = "1991-04-02", phototype = 3 }))["id"]!.GetValue<Guid>();
        await PostAsync(client, treating, "/api/lots", new { lotNumber = "LOT-BENCH", product = "36-needle cartridge", expiry = "2099-12-31" });
        await PostAsync(client, treating, $"/api/patients/{patient}/screenings", new { setting = "clinic", age = 35, fitzpatrick = 3, indication = "acne-scars", zones = new[] { "cheeks" } });
        await PostAsync(client, treating, $"/api/patients/{patient}/consents", new { textVersion = "consent-v3", signedBy = "Maja Lindqvist" });
        foreach (var date in new[] { "2026-01-10", "2026-03-10" })
        {
            await PostAsync(client, treating, $"/api/patients/{patient}/sessions", new
            {
                date, indication = "acne-scars", zones = new[] { new { zone = "cheeks", depthMm = 1.0, passes = 2 } },
                device = new { make = "SkinPen", model = "Precision", needleConfiguration = "14-needle" },
                lot = new { number = "LOT-BENCH", expiry = "2099-12-31" }, overrideReason = "bench data",
            });
        }

        return new BenchClinic(token, patient);
    }

    public static async Task<string> TokenAsync(HttpClient client, string email)
    {
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
