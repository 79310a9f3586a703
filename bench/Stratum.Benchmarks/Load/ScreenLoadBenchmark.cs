using System.Globalization;
using System.Net.Http.Json;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Stratum.Benchmarks.Load;

/// <summary>
/// Issue figure: an authenticated <c>GET /api/patients/{id}</c> on SQLite (req/s and p99; every read also appends to the
/// audit chain), measured once after all rounds against a patient created through the API.
/// Issue target: <c>POST /api/screen</c> (the intake of <see cref="ScreeningBenchmarks.IntakeJson"/>) at 64 concurrent
/// connections serves at least 0.5× the requests per second of the baseline, a bare minimal-API endpoint returning a
/// constant JSON object in the same host (<see cref="BenchWebHost.ConstantPath"/>), with p99 under 20 ms. Both run in
/// the same process and the same run, in the order baseline, endpoint, floor, endpoint, baseline, each with its own
/// warm-up; the ratio is that of the mean of the two endpoint runs to the mean of the two baseline runs, and its p99 the
/// worse of the two endpoint runs. A floor row sends the same
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
/// (options <c>--connections 64 --warmup 5 --duration 15 --rounds 1</c>, seconds; each endpoint also runs once for the
/// warm-up time, unmeasured, before the first round). Server GC is what an ASP.NET Core app uses. On a shared machine
/// take several rounds: each measures the baseline again on both sides of the endpoint.
/// </remarks>
public static class ScreenLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, 64, 5, 15, out var connections, out var warmup, out var duration, out var rounds))
        {
            await error.WriteLineAsync("usage: load [--connections 64] [--warmup 5] [--duration 15] [--rounds 1]  (seconds; all positive)");
            return 2;
        }

        await using var host = new BenchWebHost(new Dictionary<string, string?>
        {
            ["Stratum:Bootstrap:AdminEmail"] = BenchClinic.AdminEmail,
            ["Stratum:Bootstrap:AdminPassword"] = BenchClinic.Password,
        });
        var address = host.Address;
        var baseline = LoadTarget.Get(BenchWebHost.ConstantPath);
        var floor = LoadTarget.PostJson(BenchWebHost.FloorPath, ScreeningBenchmarks.IntakeJson);
        var screen = LoadTarget.PostJson("/api/screen", ScreeningBenchmarks.IntakeJson);
        var clinic = await BenchClinic.CreateAsync(address);
        var patient = LoadTarget.GetAs("/api/patients/{id}", $"/api/patients/{clinic.Patient}", clinic.Token);
        await CheckAsync(address, baseline, floor, screen, patient);

        await output.WriteLineAsync($"// {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; host {address}; {connections} connections, {warmup.TotalSeconds:0} s warm-up, {duration.TotalSeconds:0} s measured each; " +
            $"load average before {LoadAverage()}");
        await output.WriteLineAsync("| Round | Endpoint | Requests | Errors | Req/s | p50 (ms) | p99 (ms) | max (ms) | KB allocated per request | Ratio to baseline |");
        await output.WriteLineAsync("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var errors = 0L;
        async Task<LoadResult> RunAsync(LoadTarget target) =>
            await LoadGenerator.RunAsync(address, target, connections, warmup, duration, CancellationToken.None);

        async Task WriteAsync(string round, LoadResult result, double baselinePerSecond)
        {
            errors += result.Errors;
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:N0} | {3} | {4:N0} | {5:F2} | {6:F2} | {7:F1} | {9:F1} | {8} |",
                round, result.Name, result.Requests, result.Errors, result.RequestsPerSecond, result.P50.TotalMilliseconds, result.P99.TotalMilliseconds,
                result.Max.TotalMilliseconds, double.IsNaN(baselinePerSecond) ? "" : (result.RequestsPerSecond / baselinePerSecond).ToString("F2", CultureInfo.InvariantCulture),
                result.AllocatedPerRequest / 1024));
        }

        // Unmeasured, so that the first round's baseline is not timed while the JIT is still at work.
        foreach (var target in new[] { baseline, screen, floor })
        {
            await LoadGenerator.RunAsync(address, target, connections, TimeSpan.Zero, warmup, CancellationToken.None);
        }

        for (var round = 1; round <= rounds; round++)
        {
            // Baseline, endpoint, floor, endpoint, baseline: the host's speed drifts on a shared machine, and this order
            // puts the mean time of both baseline runs and both endpoint runs at the same moment, so a steady drift
            // weighs alike on both sides of the ratio.
            var first = await RunAsync(baseline);
            var screened = await RunAsync(screen);
            var floored = await RunAsync(floor);
            var again = await RunAsync(screen);
            var last = await RunAsync(baseline);
            var baselinePerSecond = (first.RequestsPerSecond + last.RequestsPerSecond) / 2;
            foreach (var result in new[] { first, screened, floored, again, last })
            {
                await WriteAsync(round.ToString(CultureInfo.InvariantCulture), result, baselinePerSecond);
            }

            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "| {0} | **ratio: mean of both `POST /api/screen` runs to mean of both baseline runs** | | | | | {1:F2} | | | **{2:F2}** |",
                round, Math.Max(screened.P99.TotalMilliseconds, again.P99.TotalMilliseconds), (screened.RequestsPerSecond + again.RequestsPerSecond) / 2 / baselinePerSecond));
        }

        // Reads are measured once, at the end: each appends to the audit chain on disk, and their speed is reported, not compared.
        await WriteAsync("reads", await RunAsync(patient), double.NaN);
        await output.WriteLineAsync($"// load average after {LoadAverage()}");
        return errors > 0 ? 1 : 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux): on a shared machine, how much else was running.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>One request each before timing: a wrong body or route would otherwise be measured as fast errors.</summary>
    internal static async Task CheckAsync(Uri address, params LoadTarget[] targets)
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

    /// <summary>Reads <c>--connections --warmup --duration --rounds</c> (seconds) over the defaults given.</summary>
    internal static bool TryParse(string[] args, int defaultConnections, int defaultWarmup, int defaultDuration, out int connections, out TimeSpan warmup, out TimeSpan duration, out int rounds)
    {
        (connections, warmup, duration, rounds) = (defaultConnections, TimeSpan.FromSeconds(defaultWarmup), TimeSpan.FromSeconds(defaultDuration), 1);
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
