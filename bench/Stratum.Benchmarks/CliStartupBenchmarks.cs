using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Stratum.Benchmarks;

/// <summary>
/// Issue target: the CLI answering one <c>screen</c> takes at most 1.5× the start of an empty .NET console program.
/// All are started as processes. The CLI ships as a native executable; publish it first:
/// <c>dotnet publish src/Stratum.Cli -c Release -r linux-x64 -p:PublishAot=true</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class CliStartupBenchmarks
{
    internal static readonly string Artifacts = FindArtifacts();

    [Benchmark(Baseline = true, Description = "empty console program")]
    public int EmptyConsole() => Run(Path.Combine(Artifacts, "bin", "EmptyConsole", "release", "EmptyConsole"), [], "");

    [Benchmark(Description = "stratum screen --format json (native)")]
    public int StratumScreenNative() => Run(Path.Combine(Artifacts, "publish", "Stratum.Cli", "release_linux-x64", "stratum"), ["screen", "--format", "json"], ScreeningBenchmarks.IntakeJson);

    [Benchmark(Description = "stratum screen --format json (JIT build)")]
    public int StratumScreenJit() => Run(Path.Combine(Artifacts, "bin", "Stratum.Cli", "release", "stratum"), ["screen", "--format", "json"], ScreeningBenchmarks.IntakeJson);

    private static int Run(string exe, string[] args, string stdin)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {exe}; build the solution in Release first.");
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"{exe} exited {process.ExitCode}");
    }

    internal static string FindArtifacts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stratum.slnx")))
            {
                return Path.Combine(dir.FullName, "artifacts");
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
