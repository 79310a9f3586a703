using System.Globalization;
using System.Net.Http.Json;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Stratum.Benchmarks.Load;

/// <summary>
/// Issue figure: an authenticated <c>GET /api/patients/{id}</c> on SQLite (req/s and p99; every read also appends to the
/// audit chain), measured after the others against a patient created through the API.
/// Issue target: <c>POST /api/screen</c> (the intake of <see cref="ScreeningBenchmarks.IntakeJson"/>) at 64 concurrent
/// connections serves at least 0.5× the requests per second of the baseline, a bare minimal-API endpoint returning a
/// constant JSON object in the same host (<see cref="BenchWebHost.ConstantPath"/>), with p99 under 20 ms. Both run in
/// the same process and the same run, one after the other, each with its own warm-up. A floor row sends the same
/// body and gets the same answer bytes back with no work between (<see cref="BenchWebHost.FloorPath"/>): the cost of
/// the HTTP exchange itself, which the ratio to a bodiless GET also charges to the endpoint.
/// </summary>
/// <remarks>
/// Not a BenchmarkDotNet benchmark: BenchmarkDotNet times invocations of a method and reports their mean, while this
/// issue asks for the throughput and tail latency of 64 connections held open together for a fixed time, which is
/// what <see cref="LoadGenerator"/> measures. The host and the load generator share this process and its cores, so
/// the absolute figures are those of a machine doing both; the ratio compares like with like.
/// Run: <c>dotnet build bench/Stratum.Benchmarks -c Release &amp;&amp;
/// DOTNET_gcServer=1 dotnet artifacts/bin/Stratum.Benchmarks/release/Stratum.Benchmarks.dll load</c>
/// (options <c>--connections 64 --warmup 5 --duration 15 --rounds 1</c>, seconds). Server GC is what an ASP.NET Core
/// app uses. On a shared machine take several rounds: each pairs a fresh baseline with the endpoint.
/// </remarks>
public static class ScreenLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var connections, out var warmup, out var duration, out var rounds))
        {
            await error.WriteLineAsync("usage: load [--connections 64] [--warmup 5] [--duration 15] [--rounds 1]  (seconds; all positive)");
            return 2;
        }

        await using var host = new BenchWebHost(new Dictionary<string, string?>
        {
            ["Stratum:Bootstrap:AdminEmail"] = AdminEmail,
            ["Stratum:Bootstrap:AdminPassword"] = Password,
        });
        var address = host.Address;
        var baseline = LoadTarget.Get(BenchWebHost.ConstantPath);
        var floor = LoadTarget.PostJson(BenchWebHost.FloorPath, ScreeningBenchmarks.IntakeJson);
        var screen = LoadTarget.PostJson("/api/screen", ScreeningBenchmarks.IntakeJson);
        var patient = await PatientTargetAsync(address);
        await CheckAsync(address, baseline, floor, screen, patient);

        await output.WriteLineAsync($"// {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; host {address}; {connections} connections, {warmup.TotalSeconds:0} s warm-up, {duration.TotalSeconds:0} s measured each; " +
            $"load average before {LoadAverage()}");
        await output.WriteLineAsync("| Round | Endpoint | Requests | Errors | Req/s | p50 (ms) | p99 (ms) | max (ms) | Ratio to baseline |");
        await output.WriteLineAsync("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        var errors = 0L;
        for (var round = 1; round <= rounds; round++)
        {
            // Each round measures the baseline again, so a neighbour's load on the machine weighs on both sides of its ratio.
            var measured = await LoadGenerator.RunAsync(address, baseline, connections, warmup, duration, CancellationToken.None);
            foreach (var result in new[]
            {
                measured,
                await LoadGenerator.RunAsync(address, floor, connections, warmup, duration, CancellationToken.None),
                await LoadGenerator.RunAsync(address, screen, connections, warmup, duration, CancellationToken.None),
                await LoadGenerator.RunAsync(address, patient, connections, warmup, duration, CancellationToken.None),
            })
            {
                errors += result.Errors;
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:N0} | {3} | {4:N0} | {5:F2} | {6:F2} | {7:F1} | {8:F2} |",
                    round, result.Name, result.Requests, result.Errors, result.RequestsPerSecond, result.P50.TotalMilliseconds, result.P99.TotalMilliseconds,
                    result.Max.TotalMilliseconds, result.RequestsPerSecond / measured.RequestsPerSecond));
            }
        }

        await output.WriteLineAsync($"// load average after {LoadAverage()}");
        return errors > 0 ? 1 : 0;
    }

    private const string AdminEmail = "admin@bench.stratum.test";
    private const string Password = "Bench-Password-2026";

    /// <summary>Signs in the bootstrap admin, makes a clinic, a front-desk user and a patient; the target reads that patient as that user.</summary>
    private static async Task<LoadTarget> PatientTargetAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        async Task<string> TokenAsync(string email)
        {
            using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
            login.EnsureSuccessStatusCode();
            return (await login.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
        }

        async Task<Guid> CreateAsync(string token, string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        }

        var admin = await TokenAsync(AdminEmail);
        var clinic = await CreateAsync(admin, "/api/clinics", new { name = "Bench" });
        const string staff = "front-desk@bench.stratum.test";
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clinics/{clinic}/users") { Content = JsonContent.Create(new { email = staff, password = Password, role = "front-desk" }) })
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin);
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var token = await TokenAsync(staff);
        var patient = await CreateAsync(token, "/api/patients", new { familyName = "Lindqvist", givenName = "Maja", birthDate = "1991-04-02", phototype = 3 });
        return LoadTarget.GetAs("/api/patients/{id}", $"/api/patients/{patient}", token);
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux): on a shared machine, how much else was running.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>One request each before timing: a wrong body or route would otherwise be measured as fast errors.</summary>
    private static async Task CheckAsync(Uri address, params LoadTarget[] targets)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        foreach (var target in targets)
        {
            using var request = target.Create();
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{target.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static bool TryParse(string[] args, out int connections, out TimeSpan warmup, out TimeSpan duration, out int rounds)
    {
        (connections, warmup, duration, rounds) = (64, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), 1);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return false;
            }

            switch (args[i])
            {
                case "--connections": connections = value; break;
                case "--warmup": warmup = TimeSpan.FromSeconds(value); break;
                case "--duration": duration = TimeSpan.FromSeconds(value); break;
                case "--rounds": rounds = value; break;
                default: return false;
            }
        }

        return true;
    }
}
