using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Stratum.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the command tree in-process with the clock fixed at <see cref="Now"/>.</summary>
    public static CliResult Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new StratumCommand(new FakeTimeProvider(Now), new StringReader(stdin)).Invoke(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built <c>stratum</c> executable as a separate process, as a user or another program would.</summary>
    public static async Task<CliResult> RunProcessAsync(string stdin, params string[] args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "stratum");
        var start = new ProcessStartInfo(File.Exists(exe) ? exe : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!File.Exists(exe))
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stratum.dll"));
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
