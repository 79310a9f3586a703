using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// The server process is killed (SIGKILL) while sessions are being recorded and started again on the same database:
/// every session that was answered 2xx is there, and the audit chain still verifies.
/// </summary>
public sealed class CrashTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Sessions_answered_2xx_survive_a_kill_and_the_audit_chain_still_verifies(DatabaseProvider provider)
    {
        var ct = ClinicServer.Cancel;
        var (postgres, database) = provider == DatabaseProvider.Postgres ? await ClinicServer.CreatePostgresDatabaseAsync("stratum_crash") : ("", "");
        var directory = Directory.CreateTempSubdirectory("stratum-crash-");

        var environment = WebProcess.Settings(directory, provider == DatabaseProvider.Postgres ? postgres : null, database);

        try
        {
            Guid patient;
            var recorded = new List<Guid>();
            var port = WebProcess.FreePort();
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            using var http = new HttpClient { BaseAddress = baseAddress };
            using (var server = await WebProcess.StartAsync(environment, port))
            {
                var clinician = await PrepareAsync(http, ct);
                patient = clinician.Patient;
                using var writers = new CancellationTokenSource();
                var tasks = Enumerable.Range(0, 8).Select(async worker =>
                {
                    using var client = new HttpClient { BaseAddress = baseAddress };
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", clinician.Token);
                    for (var day = 0; !writers.IsCancellationRequested; day++)
                    {
                        try
                        {
                            var response = await client.PostAsJsonAsync($"/api/patients/{patient}/sessions", new
                            {
                                date = new DateOnly(2026, 11, 25).AddDays((worker * 10_000) + day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                                zones = new[] { new { zone = "cheeks", depthMm = 1.0, passes = 2 } },
                                device = new { make = "SkinPen", model = "Precision", needleConfiguration = "14-needle" },
                                lot = new { number = "LOT-CRASH", expiry = "2099-12-31" },
                                overrideReason = "crash test: interval deliberately ignored",
                            }, CancellationToken.None);
                            if (response.StatusCode == HttpStatusCode.Created)
                            {
                                var id = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!["id"]!.GetValue<Guid>();
                                lock (recorded)
                                {
                                    recorded.Add(id);
                                }
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return;
                        }
                    }
                }).ToList();

                // Kill mid-stream: once some sessions are answered (a busy machine may take a while), after a little more writing.
                for (var waited = 0; waited < 600 && Count(recorded) < 5; waited++)
                {
                    await Task.Delay(50, ct);
                }

                await Task.Delay(500, ct);
                server.Kill();
                await writers.CancelAsync();
                await Task.WhenAll(tasks);
            }

            recorded.Count.ShouldBeGreaterThan(0, "some sessions were recorded before the kill");
            using (var restarted = await WebProcess.StartAsync(environment, port))
            {
                var admin = await WebProcess.TokenAsync(http, $"clinic-admin.crash@stratum.test", ClinicServer.StaffPassword);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                var record = await http.GetFromJsonAsync<JsonObject>($"/api/patients/{patient}", ct);
                var stored = record!["sessions"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToHashSet();
                recorded.Where(id => !stored.Contains(id)).ShouldBeEmpty("every session answered 201 is stored");
                var verify = await http.GetFromJsonAsync<JsonObject>("/api/audit/verify", ct);
                verify!["ok"]!.GetValue<bool>().ShouldBeTrue(verify.ToJsonString());
            }
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ClinicServer.DropPostgresDatabaseAsync(postgres, database);
            }

            directory.Delete(recursive: true);
        }
    }

    private sealed record Clinician(string Token, Guid Patient);

    private static int Count(List<Guid> recorded)
    {
        lock (recorded)
        {
            return recorded.Count;
        }
    }

    /// <summary>A clinic, its clinician and clinic admin, and one screened, consented patient.</summary>
    private static async Task<Clinician> PrepareAsync(HttpClient http, CancellationToken ct)
    {
        using var admin = new HttpClient { BaseAddress = http.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await WebProcess.TokenAsync(http, ClinicServer.AdminEmail, ClinicServer.AdminPassword));
        var clinic = (await (await admin.PostAsJsonAsync("/api/clinics", new { name = "Crash" }, ct)).Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<Guid>();
        foreach (var role in new[] { "clinician", "clinic-admin" })
        {
            (await admin.PostAsJsonAsync($"/api/clinics/{clinic}/users", new { email = $"{role}.crash@stratum.test", password = ClinicServer.StaffPassword, role }, ct)).EnsureSuccessStatusCode();
        }

        var token = await WebProcess.TokenAsync(http, "clinician.crash@stratum.test", ClinicServer.StaffPassword);
        using var clinician = new HttpClient { BaseAddress = http.BaseAddress };
        clinician.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var patient = (await (await clinician.PostAsJsonAsync("/api/patients", new { familyName = "Walsh", givenName = "Niamh", birthDate = "1974-06-01" }, ct))
            .Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<Guid>();
        (await clinician.PostAsJsonAsync($"/api/patients/{patient}/consents", new { formVersion = "stratum-1", signedBy = "Niamh Walsh", photoConsent = true }, ct)).EnsureSuccessStatusCode();
        (await clinician.PostAsJsonAsync("/api/lots", new { lotNumber = "LOT-CRASH", product = "36-needle cartridge", expiry = "2099-12-31" }, ct)).EnsureSuccessStatusCode();
        return new Clinician(token, patient);
    }
}
