using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// Two web processes on one PostgreSQL database, as behind a load balancer (DESIGN §8): a sign-in on one node is good on
/// the other, writes through both land exactly once on one audit chain, and a node killed with SIGKILL in the middle of
/// writing loses none of the writes it acknowledged.
/// </summary>
public sealed class MultiNodeTests
{
    [Fact]
    public async Task Two_nodes_share_sign_ins_and_every_acknowledged_write_survives_a_kill_of_one_of_them()
    {
        var (postgres, database) = await ClinicServer.CreatePostgresDatabaseAsync("stratum_nodes");
        var directories = new[] { Directory.CreateTempSubdirectory("stratum-node-a-"), Directory.CreateTempSubdirectory("stratum-node-b-") };
        try
        {
            // A first, so that one node migrates and makes the first admin; B starts on the database A prepared.
            var settingsA = WebProcess.Settings(directories[0], postgres, database);
            using var a = await WebProcess.StartAsync(settingsA);
            using var b = await WebProcess.StartAsync(WebProcess.Settings(directories[1], postgres, database));
            using var httpA = new HttpClient { BaseAddress = a.BaseAddress };
            using var httpB = new HttpClient { BaseAddress = b.BaseAddress };

            var (clinician, clinicAdmin) = await ClinicOnAsync(httpA);
            using var browserA = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = a.BaseAddress };
            var (_, cookie) = await browserA.SignInWithFormAsync(clinician.Email, ClinicServer.StaffPassword);

            // The token and the cookie A issued open B: the key ring that protects them is in the database.
            using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/patients") { Headers = { Authorization = new("Bearer", clinician.Token) } })
            {
                (await httpB.SendAsync(request, ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "A's bearer token on B");
            }

            using var browserB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = b.BaseAddress };
            using (var request = new HttpRequestMessage(HttpMethod.Get, "/patients") { Headers = { { "Cookie", cookie } } })
            {
                var page = await browserB.SendAsync(request, ClinicServer.Cancel);
                page.StatusCode.ShouldBe(HttpStatusCode.OK, "A's cookie on B opens the patient list, not the sign-in page");
            }

            // Writes through both nodes at once: each lands once, and the clinic's one chain holds them all.
            var acknowledged = await WriteThroughAsync([a, b], clinician.Token, perWriter: 15, kill: null);
            acknowledged.Count.ShouldBe(4 * 15, "every write was answered 201");
            (await StoredAsync(httpB, clinician.Token)).ShouldBe(acknowledged, ignoreOrder: true);
            (await VerifyAsync(httpA, clinicAdmin.Token))["ok"]!.GetValue<bool>().ShouldBeTrue();

            // A is killed while both nodes are being written to; after its restart every acknowledged write is there.
            var more = await WriteThroughAsync([a, b], clinician.Token, perWriter: 1_000, kill: a);
            more.Count.ShouldBeGreaterThan(0);
            using var restarted = await WebProcess.StartAsync(settingsA, a.Port);
            var stored = await StoredAsync(httpA, clinician.Token);
            acknowledged.Concat(more).Where(id => !stored.Contains(id)).ShouldBeEmpty("every write answered 201 is stored");
            stored.Count.ShouldBe(stored.Distinct().Count(), "no patient is listed twice");
            var verification = await VerifyAsync(httpA, clinicAdmin.Token);
            verification["ok"]!.GetValue<bool>().ShouldBeTrue(verification.ToJsonString());
        }
        finally
        {
            await ClinicServer.DropPostgresDatabaseAsync(postgres, database);
            foreach (var directory in directories)
            {
                directory.Delete(recursive: true);
            }
        }
    }

    private sealed record Staff(string Email, string Token);

    private static async Task<(Staff Clinician, Staff ClinicAdmin)> ClinicOnAsync(HttpClient http)
    {
        using var admin = new HttpClient { BaseAddress = http.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await WebProcess.TokenAsync(http, ClinicServer.AdminEmail, ClinicServer.AdminPassword));
        var clinic = (await (await admin.PostAsJsonAsync("/api/clinics", new { name = "Nodes" }, ClinicServer.Cancel)).Content.ReadFromJsonAsync<JsonObject>(ClinicServer.Cancel))!["id"]!.GetValue<Guid>();
        var staff = new List<Staff>();
        foreach (var role in new[] { "clinician", "clinic-admin" })
        {
            var email = $"{role}.nodes@stratum.test";
            (await admin.PostAsJsonAsync($"/api/clinics/{clinic}/users", new { email, password = ClinicServer.StaffPassword, role }, ClinicServer.Cancel)).EnsureSuccessStatusCode();
            staff.Add(new Staff(email, await WebProcess.TokenAsync(http, email, ClinicServer.StaffPassword)));
        }

        return (staff[0], staff[1]);
    }

    /// <summary>
    /// Four writers, two per node, each adding up to <paramref name="perWriter"/> patients; with <paramref name="kill"/>,
    /// that node is killed once some writes are answered, and the writers stop soon after. The ids answered 201.
    /// </summary>
    private static async Task<List<Guid>> WriteThroughAsync(WebProcess[] nodes, string token, int perWriter, WebProcess? kill)
    {
        var acknowledged = new List<Guid>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(async writer =>
        {
            using var client = new HttpClient { BaseAddress = nodes[writer % nodes.Length].BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; i < perWriter && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/patients", new { familyName = $"Writer{writer}", givenName = $"Patient{i}", birthDate = "1980-01-01" }, CancellationToken.None);
                    response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(CancellationToken.None));
                    var id = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!["id"]!.GetValue<Guid>();
                    lock (acknowledged)
                    {
                        acknowledged.Add(id);
                    }
                }
                catch (HttpRequestException) when (kill is not null)
                {
                    // The killed node's writers stop; what they were told before the kill is what counts.
                    return;
                }
            }
        }).ToList();

        if (kill is not null)
        {
            for (var waited = 0; waited < 600 && Count(acknowledged) < 20; waited++)
            {
                await Task.Delay(50, ClinicServer.Cancel);
            }

            await Task.Delay(300, ClinicServer.Cancel);
            kill.Kill();
            await Task.Delay(500, ClinicServer.Cancel);
            await stop.CancelAsync();
        }

        await Task.WhenAll(writers);
        return acknowledged;
    }

    private static int Count(List<Guid> ids)
    {
        lock (ids)
        {
            return ids.Count;
        }
    }

    /// <summary>Every patient of the clinic, read page by page through <c>next</c>.</summary>
    private static async Task<List<Guid>> StoredAsync(HttpClient http, string token)
    {
        var ids = new List<Guid>();
        string? after = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/patients?pageSize=200" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            request.Headers.Authorization = new("Bearer", token);
            var page = (await (await http.SendAsync(request, ClinicServer.Cancel)).Content.ReadFromJsonAsync<JsonObject>(ClinicServer.Cancel))!;
            ids.AddRange(page["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return ids;
    }

    private static async Task<JsonObject> VerifyAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit/verify") { Headers = { Authorization = new("Bearer", token) } };
        return (await (await http.SendAsync(request, ClinicServer.Cancel)).Content.ReadFromJsonAsync<JsonObject>(ClinicServer.Cancel))!;
    }
}
