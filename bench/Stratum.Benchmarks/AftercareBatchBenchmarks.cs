using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Stratum.Benchmarks;

/// <summary>
/// Issue figure: <c>stratum aftercare --batch</c> over 1,000,000 lines (name TAB list), as a process, output discarded.
/// Lines per second = 1,000,000 / the mean. The peak resident memory of the process is polled from /proc while it runs
/// and written to the log (on Linux; BenchmarkDotNet cannot measure a child process's memory itself).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AftercareBatchBenchmarks
{
    public const int Lines = 1_000_000;

    private static readonly string[] Lists =
    [
        AftercareBenchmarks.Typical,
        "Aqua, Glycerin, Lactic Acid, Sodium Lactate, Niacinamide, Sodium Hyaluronate, Phenoxyethanol, Ethylhexylglycerin, Citric Acid",
        "Simmondsia Chinensis (Jojoba) Seed Oil, Rosa Canina Fruit Oil, Lavandula Angustifolia (Lavender) Oil, Tocopherol, Linalool, Limonene",
        "Aqua/Water/Eau, Caprylic/Capric Triglyceride, Glycerin, Ceramide NP, Ceramide AP, Phytosphingosine, Cholesterol, Carbomer, Xanthan Gum, Parfum/Fragrance.",
    ];

    private string _input = "";
    private long _peakBytes;

    [GlobalSetup]
    public void WriteInput()
    {
        _input = Path.Combine(Path.GetTempPath(), "stratum-batch-1m.tsv");
        using var writer = new StreamWriter(_input);
        for (var i = 0; i < Lines; i++)
        {
            writer.Write("Product ");
            writer.Write(i);
            writer.Write('\t');
            writer.WriteLine(Lists[i % Lists.Length]);
        }
    }

    [GlobalCleanup]
    public void Report()
    {
        Console.WriteLine($"// stratum aftercare --batch: peak resident memory {_peakBytes / (1024 * 1024)} MiB");
        File.Delete(_input);
    }

    [Benchmark(Description = "stratum aftercare --batch, 1,000,000 lines (JIT build)")]
    public long Batch()
    {
        var exe = Path.Combine(CliStartupBenchmarks.Artifacts, "bin", "Stratum.Cli", "release", "stratum");
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true };
        foreach (var arg in new[] { "aftercare", "--batch", "--hours", "24", "--input", _input })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {exe}; build the solution in Release first.");
        var lines = 0L;
        var poll = Task.Run(async () =>
        {
            while (!process.HasExited)
            {
                _peakBytes = Math.Max(_peakBytes, PeakResident(process.Id));
                await Task.Delay(50);
            }
        });
        while (process.StandardOutput.ReadLine() is not null)
        {
            lines++;
        }

        process.WaitForExit();
        poll.Wait();
        return lines == Lines && process.ExitCode == 0 ? lines : throw new InvalidOperationException($"exit {process.ExitCode}, {lines} lines");
    }

    /// <summary>VmHWM: the process's peak resident set so far.</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
