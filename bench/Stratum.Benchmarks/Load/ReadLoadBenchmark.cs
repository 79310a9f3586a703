using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Npgsql;

namespace Stratum.Benchmarks.Load;

/// <summary>
/// Issue 16 target: a signed-in <c>GET /api/patients/{id}</c>, whose audit row must be durable before it is answered,
/// serves at least 0.5× the requests per second of the same host's signed-in read that writes nothing
/// (<c>GET /api/lots</c>), on SQLite and on PostgreSQL (when <c>STRATUM_TEST_POSTGRES</c> names a server), in one run;
/// afterwards every clinic's audit chain must verify and hold one row per read answered.
/// </summary>
/// <remarks>
/// Per provider and round: baseline, endpoint, endpoint, baseline, each with its own warm-up; the ratio is the mean of
/// the endpoint runs to the mean of the baseline runs (a steady drift of a shared machine weighs alike on both sides).
/// Run: <c>dotnet build bench/Stratum.Benchmarks -c Release &amp;&amp; DOTNET_gcServer=1
/// dotnet artifacts/bin/Stratum.Benchmarks/release/Stratum.Benchmarks.dll reads</c>
/// (<c>--connections 32 --warmup 3 --duration 10 --rounds 1</c>).
/// </remarks>
public static class ReadLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!ScreenLoadBenchmark.TryParse(args, 32, 3, 10, out var connections, out var warmup, out var duration, out var rounds))
        {
            await error.WriteLineAsync("usage: reads [--connections 32] [--warmup 3] [--duration 10] [--rounds 1]  (seconds; all positive)");
            return 2;
        }

        await output.WriteLineAsync($"// {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; {connections} connections, {warmup.TotalSeconds:0} s warm-up, {duration.TotalSeconds:0} s measured each; " +
            $"load average before {ScreenLoadBenchmark.LoadAverage()}");
        await output.WriteLineAsync("| Provider | Round | Endpoint | Requests | Errors | Req/s | p50 (ms) | p99 (ms) | Ratio to baseline |");
        await output.WriteLineAsync("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        var failures = 0;
        var postgres = BenchPostgres.Admin;
        foreach (var provider in postgres is null ? ["sqlite"] : new[] { "sqlite", "postgres" })
        {
            var database = provider == "postgres" ? await BenchPostgres.CreateDatabaseAsync(postgres!, "stratum_bench_reads") : null;
            try
            {
                failures += await MeasureAsync(provider, database is null ? null : new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString(),
                    connections, warmup, duration, rounds, output);
            }
            finally
            {
                if (database is not null)
                {
                    await BenchPostgres.DropDatabaseAsync(postgres!, database);
                }
            }
        }

        await output.WriteLineAsync($"// load average after {ScreenLoadBenchmark.LoadAverage()}");
        return failures > 0 ? 1 : 0;
    }

    private static async Task<int> MeasureAsync(string provider, string? connectionString, int connections, TimeSpan warmup, TimeSpan duration, int rounds, TextWriter output)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Stratum:Bootstrap:AdminEmail"] = BenchClinic.AdminEmail,
            ["Stratum:Bootstrap:AdminPassword"] = BenchClinic.Password,
        };
        if (connectionString is not null)
        {
            settings["Stratum:Database"] = "postgres";
            settings["ConnectionStrings:Stratum"] = connectionString;
        }

        await using var host = new BenchWebHost(settings);
        var address = host.Address;
        var clinic = await BenchClinic.CreateAsync(address);
        var baseline = LoadTarget.GetAs("/api/lots", "/api/lots", clinic.Token);
        var read = LoadTarget.GetAs("/api/patients/{id}", $"/api/patients/{clinic.Patient}", clinic.Token);
        await ScreenLoadBenchmark.CheckAsync(address, baseline, read);
        using var client = new HttpClient { BaseAddress = address };
        var entriesBefore = (await BenchClinic.GetAsync(client, clinic.Token, "/api/audit/verify"))["entries"]!.GetValue<long>();

        var errors = 0L;
        async Task<LoadResult> RunAsync(LoadTarget target)
        {
            var result = await LoadGenerator.RunAsync(address, target, connections, warmup, duration, CancellationToken.None);
            errors += result.Errors;
            return result;
        }

        // Unmeasured, so that the first baseline is not timed while the JIT is still at work.
        foreach (var target in new[] { baseline, read })
        {
            await LoadGenerator.RunAsync(address, target, connections, TimeSpan.Zero, warmup, CancellationToken.None);
        }

        for (var round = 1; round <= rounds; round++)
        {
            var first = await RunAsync(baseline);
            var one = await RunAsync(read);
            var two = await RunAsync(read);
            var last = await RunAsync(baseline);
            var baselinePerSecond = (first.RequestsPerSecond + last.RequestsPerSecond) / 2;
            foreach (var result in new[] { first, one, two, last })
            {
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3:N0} | {4} | {5:N0} | {6:F2} | {7:F2} | {8:F2} |",
                    provider, round, result.Name, result.Requests, result.Errors, result.RequestsPerSecond, result.P50.TotalMilliseconds, result.P99.TotalMilliseconds,
                    result.RequestsPerSecond / baselinePerSecond));
            }

            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | **ratio: mean of both reads to mean of both baselines** | | | | | | **{2:F2}** |",
                provider, round, (one.RequestsPerSecond + two.RequestsPerSecond) / 2 / baselinePerSecond));
        }

        // Every read answered has its row: the warm-ups' reads too, which the generator does not count, so at least as many.
        var verify = await BenchClinic.GetAsync(client, clinic.Token, "/api/audit/verify");
        var ok = verify["ok"]!.GetValue<bool>();
        var entries = verify["entries"]!.GetValue<long>() - entriesBefore;
        await output.WriteLineAsync($"// {provider}: audit chain {(ok ? "verifies" : "BROKEN: " + verify.ToJsonString())}, {entries:N0} entries written during the run; {errors} errors");
        return ok && errors == 0 ? 0 : 1;
    }
}
