using System.Diagnostics;
using System.Net;

namespace Stratum.Benchmarks.Load;

/// <summary>One kind of request to put under load; <see cref="Create"/> is called for every request (a message is sent once).</summary>
/// <param name="Name">What the table calls it, e.g. <c>POST /api/screen</c>.</param>
/// <param name="Create">Builds the request, relative to the host's address; add authentication headers here.</param>
public sealed record LoadTarget(string Name, Func<HttpRequestMessage> Create)
{
    public static LoadTarget Get(string path) => new($"GET {path}", () => new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>A GET as a signed-in user (bearer token); <paramref name="name"/> is what the table shows.</summary>
    public static LoadTarget GetAs(string name, string path, string token) => new($"GET {name} (signed in)", () => new HttpRequestMessage(HttpMethod.Get, path)
    {
        Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token) },
    });

    public static LoadTarget PostJson(string path, string json)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        return new LoadTarget($"POST {path}", () => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") { CharSet = "utf-8" } } },
        });
    }
}

/// <summary>Requests completed inside the measured window; percentiles are nearest-rank over their latencies.</summary>
/// <param name="AllocatedBytes">Allocated in the whole process (host and load generator) during the window.</param>
public sealed record LoadResult(string Name, int Connections, TimeSpan Window, long Requests, long Errors, TimeSpan P50, TimeSpan P99, TimeSpan Max, long AllocatedBytes)
{
    public double RequestsPerSecond => Requests / Window.TotalSeconds;

    public double AllocatedPerRequest => Requests == 0 ? 0 : (double)AllocatedBytes / Requests;
}

/// <summary>
/// A closed-loop load generator, like <c>wrk</c>: <c>connections</c> workers, each with its own HTTP/1.1 connection,
/// send one request, read the whole answer, and send the next, until the time is up. Nothing is counted during the
/// warm-up; after it, a request counts when it completes inside the measured window, and its latency (send to last
/// byte read) goes into the percentiles. A closed loop waits for slow answers before sending more, so its p99 is
/// the latency seen by these clients, not that of an open arrival rate (coordinated omission).
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(Uri baseAddress, LoadTarget target, int connections, TimeSpan warmup, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<Worker>[connections];
        for (var i = 0; i < connections; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(client, target, measureFrom, measureUntil, cancellationToken), cancellationToken);
        }

        var allocated = MeasureAllocationsAsync(measureFrom, measureUntil, cancellationToken);
        var done = await Task.WhenAll(workers);
        var latencies = done.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        return new LoadResult(
            target.Name,
            connections,
            window,
            latencies.Length,
            done.Sum(w => w.Errors),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, latencies[^1]),
            await allocated);
    }

    private static async Task<long> MeasureAllocationsAsync(long from, long until, CancellationToken cancellationToken)
    {
        await Task.Delay(Until(from), cancellationToken);
        var before = GC.GetTotalAllocatedBytes();
        await Task.Delay(Until(until), cancellationToken);
        return GC.GetTotalAllocatedBytes() - before;

        // Never negative: a delay of -1 ms would wait forever.
        static TimeSpan Until(long timestamp) => TimeSpan.FromTicks(Math.Max(0, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp).Ticks));
    }

    private static async Task<Worker> WorkAsync(HttpClient client, LoadTarget target, long measureFrom, long measureUntil, CancellationToken cancellationToken)
    {
        var worker = new Worker();
        while (!cancellationToken.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            if (sent >= measureUntil)
            {
                break;
            }

            var ok = false;
            try
            {
                using var request = target.Create();
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                ok = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout: counted as an error like any failed request.
            }

            var received = Stopwatch.GetTimestamp();
            if (received < measureFrom || received > measureUntil)
            {
                continue;
            }

            if (ok)
            {
                worker.Latencies.Add(received - sent);
            }
            else
            {
                worker.Errors++;
            }
        }

        return worker;
    }

    private static TimeSpan Percentile(long[] sorted, double fraction) =>
        sorted.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)]);

    /// <summary>One worker's record; only its own task touches it until the run ends.</summary>
    private sealed class Worker
    {
        public List<long> Latencies { get; } = new(capacity: 1 << 14);

        public long Errors { get; set; }
    }
}
