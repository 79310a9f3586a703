using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
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

        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Stratum__DataDirectory"] = directory.FullName,
            ["Stratum__Bootstrap__AdminEmail"] = ClinicServer.AdminEmail,
            ["Stratum__Bootstrap__AdminPassword"] = ClinicServer.AdminPassword,
            ["Stratum__RateLimit__LoginPermitsPerMinute"] = "1000",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        if (provider == DatabaseProvider.Postgres)
        {
            environment["Stratum__Database"] = "postgres";
            environment["ConnectionStrings__Stratum"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
        }

        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            using var http = new HttpClient { BaseAddress = baseAddress };
            Guid patient;
            var recorded = new List<Guid>();
            using (var server = await StartAsync(port, environment, directory, http))
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
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(ct);
                await writers.CancelAsync();
                await Task.WhenAll(tasks);
            }

            recorded.Count.ShouldBeGreaterThan(0, "some sessions were recorded before the kill");
            using (var restarted = await StartAsync(port, environment, directory, http))
            {
                var admin = await TokenAsync(http, $"clinic-admin.crash@stratum.test", ClinicServer.StaffPassword, ct);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                var record = await http.GetFromJsonAsync<JsonObject>($"/api/patients/{patient}", ct);
                var stored = record!["sessions"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToHashSet();
                recorded.Where(id => !stored.Contains(id)).ShouldBeEmpty("every session answered 201 is stored");
                var verify = await http.GetFromJsonAsync<JsonObject>("/api/audit/verify", ct);
                verify!["ok"]!.GetValue<bool>().ShouldBeTrue(verify.ToJsonString());
                restarted.Kill(entireProcessTree: true);
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
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, ClinicServer.AdminEmail, ClinicServer.AdminPassword, ct));
        var clinic = (await (await admin.PostAsJsonAsync("/api/clinics", new { name = "Crash" }, ct)).Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<Guid>();
        foreach (var role in new[] { "clinician", "clinic-admin" })
        {
            (await admin.PostAsJsonAsync($"/api/clinics/{clinic}/users", new { email = $"{role}.crash@stratum.test", password = ClinicServer.StaffPassword, role }, ct)).EnsureSuccessStatusCode();
        }

        var token = await TokenAsync(http, "clinician.crash@stratum.test", ClinicServer.StaffPassword, ct);
        using var clinician = new HttpClient { BaseAddress = http.BaseAddress };
        clinician.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var patient = (await (await clinician.PostAsJsonAsync("/api/patients", new { familyName = "Walsh", givenName = "Niamh", birthDate = "1974-06-01" }, ct))
            .Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<Guid>();
        (await clinician.PostAsJsonAsync($"/api/patients/{patient}/consents", new { textVersion = "consent-v3", signedBy = "Niamh Walsh" }, ct)).EnsureSuccessStatusCode();
        (await clinician.PostAsJsonAsync("/api/lots", new { lotNumber = "LOT-CRASH", product = "36-needle cartridge", expiry = "2099-12-31" }, ct)).EnsureSuccessStatusCode();
        return new Clinician(token, patient);
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, string password, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
    }

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private static async Task<Process> StartAsync(int port, Dictionary<string, string> environment, DirectoryInfo directory, HttpClient http)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Stratum.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A start-up while the other test projects load the machine can take well over the quiet 5 s; the deadline is generous.
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartDeadline)
        {
            try
            {
                if ((await http.GetAsync("/health", ClinicServer.Cancel)).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250, ClinicServer.Cancel);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The server did not start within {StartDeadline.TotalSeconds} seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
