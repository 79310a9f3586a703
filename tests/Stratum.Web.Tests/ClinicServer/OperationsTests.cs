using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// DESIGN §8 operations, on the real process: every start-up failure prints one line naming its cause and exits
/// non-zero without a stack trace; <c>backup FILE</c> while serving and <c>restore FILE</c> bring the database back
/// with its audit chain verifying.
/// </summary>
public sealed class OperationsTests
{
    public static TheoryData<string, string> Failures => new()
    {
        { "address in use", "already in use" },
        { "database unreachable", "the PostgreSQL database cannot be reached" },
        { "data directory not writable", "is not a writable directory" },
        { "corrupt database file", "is damaged or is not a database" },
        { "bad setting", "Stratum:Database is 'mysql'" },
        { "bad knowledge path", "Stratum:KnowledgePath" },
        { "bad mail sender", "Stratum:Smtp:From 'the clinic' must be one bare email address" },
    };

    [Theory, MemberData(nameof(Failures))]
    public async Task A_start_up_failure_prints_one_line_naming_the_cause_and_exits_non_zero(string failure, string cause)
    {
        var directory = Directory.CreateTempSubdirectory("stratum-startup-");
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        try
        {
            var settings = WebProcess.Settings(directory);
            var port = WebProcess.FreePort();
            switch (failure)
            {
                case "address in use":
                    occupied.Start();
                    port = ((IPEndPoint)occupied.LocalEndpoint).Port;
                    break;
                case "database unreachable":
                    settings["Stratum__Database"] = "postgres";
                    settings["ConnectionStrings__Stratum"] = $"Host=127.0.0.1;Port={WebProcess.FreePort()};Database=stratum;Username=stratum;Password=x;Timeout=3";
                    break;
                case "data directory not writable":
                    // Root may write anywhere, so the directory is made impossible instead: its parent is a file.
                    var file = Path.Combine(directory.FullName, "a-file");
                    await File.WriteAllTextAsync(file, "not a directory", ClinicServer.Cancel);
                    settings["Stratum__DataDirectory"] = Path.Combine(file, "data");
                    break;
                case "corrupt database file":
                    await File.WriteAllTextAsync(Path.Combine(directory.FullName, "stratum.db"), "this is not a SQLite database, it was overwritten", ClinicServer.Cancel);
                    break;
                case "bad setting":
                    settings["Stratum__Database"] = "mysql";
                    break;
                case "bad knowledge path":
                    settings["Stratum__KnowledgePath"] = Path.Combine(directory.FullName, "no-such-folder");
                    break;
                case "bad mail sender":
                    settings["Stratum__Smtp__Host"] = "127.0.0.1";
                    settings["Stratum__Smtp__From"] = "the clinic";
                    break;
            }

            using var host = await WebProcess.RunToExitAsync(settings, port);

            host.ExitCode.ShouldNotBe(0, host.Output);
            var lines = host.Output.Split('\n', StringSplitOptions.TrimEntries);
            lines.Where(l => l.StartsWith("stratum-web: cannot start:", StringComparison.Ordinal)).ShouldHaveSingleItem(host.Output).ShouldContain(cause);
            lines.ShouldNotContain(l => l.StartsWith("at ", StringComparison.Ordinal) || l.StartsWith("Unhandled exception", StringComparison.Ordinal), host.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_taken_while_serving_restores_the_database_as_it_was_and_its_audit_chain_verifies()
    {
        var directory = Directory.CreateTempSubdirectory("stratum-backup-");
        var backup = Path.Combine(Path.GetTempPath(), $"stratum-backup-{Guid.NewGuid():n}.db");
        try
        {
            var settings = WebProcess.Settings(directory);
            var port = WebProcess.FreePort();
            Guid kept, lost;
            using (var server = await WebProcess.StartAsync(settings, port))
            {
                using var http = await ClinicianAsync(server);
                kept = await PatientAsync(http, "Kept");
                using (var copy = await WebProcess.RunToExitAsync(settings, WebProcess.FreePort(), "backup", backup))
                {
                    copy.ExitCode.ShouldBe(0, copy.Output);
                }

                lost = await PatientAsync(http, "AfterTheBackup");
            }

            using (var refused = await WebProcess.RunToExitAsync(settings, WebProcess.FreePort(), "restore", Path.Combine(directory.FullName, "no-such.db")))
            {
                refused.ExitCode.ShouldBe(2, "a missing backup file changes nothing");
            }

            using (var restore = await WebProcess.RunToExitAsync(settings, WebProcess.FreePort(), "restore", backup))
            {
                restore.ExitCode.ShouldBe(0, restore.Output);
                restore.Output.ShouldContain("the audit chains of 1 clinic verify");
            }

            using (var restarted = await WebProcess.StartAsync(settings, port))
            {
                using var http = new HttpClient { BaseAddress = restarted.BaseAddress };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await WebProcess.TokenAsync(http, "clinic-admin.ops@stratum.test", ClinicServer.StaffPassword));
                (await http.GetAsync($"/api/patients/{kept}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
                (await http.GetAsync($"/api/patients/{lost}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "written after the backup");
                var verify = await http.GetFromJsonAsync<JsonObject>("/api/audit/verify", ClinicServer.Cancel);
                verify!["ok"]!.GetValue<bool>().ShouldBeTrue(verify.ToJsonString());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(backup);
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A clinic with a clinic admin; a client signed in as that admin.</summary>
    private static async Task<HttpClient> ClinicianAsync(WebProcess server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await WebProcess.TokenAsync(http, ClinicServer.AdminEmail, ClinicServer.AdminPassword));
        var clinic = (await (await http.PostAsJsonAsync("/api/clinics", new { name = "Ops" }, ClinicServer.Cancel)).Content.ReadFromJsonAsync<JsonObject>(ClinicServer.Cancel))!["id"]!.GetValue<Guid>();
        (await http.PostAsJsonAsync($"/api/clinics/{clinic}/users", new { email = "clinic-admin.ops@stratum.test", password = ClinicServer.StaffPassword, role = "clinic-admin" }, ClinicServer.Cancel)).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await WebProcess.TokenAsync(http, "clinic-admin.ops@stratum.test", ClinicServer.StaffPassword));
        return http;
    }

    private static async Task<Guid> PatientAsync(HttpClient http, string family)
    {
        var response = await http.PostAsJsonAsync("/api/patients", new { familyName = family, givenName = "Ada", birthDate = "1980-01-01" }, ClinicServer.Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ClinicServer.Cancel))!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task The_demo_runs_on_a_database_of_its_own_and_its_accounts_cannot_sign_in_to_a_normal_run()
    {
        var directory = Directory.CreateTempSubdirectory("stratum-demo-");
        try
        {
            var settings = WebProcess.Settings(directory);
            settings["Stratum__Demo__Password"] = ClinicServer.StaffPassword;
            using (var demo = await WebProcess.StartAsync(settings, null, "--demo"))
            {
                using var http = new HttpClient { BaseAddress = demo.BaseAddress };
                var token = await WebProcess.TokenAsync(http, "clinician@demo.stratum.test", ClinicServer.StaffPassword);
                using var patients = new HttpRequestMessage(HttpMethod.Get, "/api/patients") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
                var list = JsonNode.Parse(await (await http.SendAsync(patients, ClinicServer.Cancel)).Content.ReadAsStringAsync(ClinicServer.Cancel))!;
                list["total"]!.GetValue<int>().ShouldBeGreaterThan(0, "the demo clinic has its fictional patients");
            }

            File.Exists(Path.Combine(directory.FullName, "stratum-demo.db")).ShouldBeTrue();
            File.Exists(Path.Combine(directory.FullName, "stratum.db")).ShouldBeFalse("the demo never touches the clinic's database");

            using var normal = await WebProcess.StartAsync(settings);
            using var client = new HttpClient { BaseAddress = normal.BaseAddress };
            var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = "clinician@demo.stratum.test", password = ClinicServer.StaffPassword }, ClinicServer.Cancel);
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await client.PostAsJsonAsync("/api/auth/login", new { email = ClinicServer.AdminEmail, password = ClinicServer.AdminPassword }, ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Demo_accounts_an_older_version_left_in_the_clinic_database_are_locked_in_a_normal_run()
    {
        var directory = Directory.CreateTempSubdirectory("stratum-demo-");
        try
        {
            var settings = WebProcess.Settings(directory);
            settings["Stratum__Demo__Password"] = ClinicServer.StaffPassword;

            // As before this change: the demo filled the clinic's own file.
            settings["ConnectionStrings__StratumDemo"] = $"Data Source={Path.Combine(directory.FullName, "stratum.db")}";
            using (await WebProcess.StartAsync(settings, null, "--demo"))
            {
            }

            settings.Remove("ConnectionStrings__StratumDemo");
            using var normal = await WebProcess.StartAsync(settings);
            using var client = new HttpClient { BaseAddress = normal.BaseAddress };
            var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = "clinic-admin@demo.stratum.test", password = ClinicServer.StaffPassword }, ClinicServer.Cancel);
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
