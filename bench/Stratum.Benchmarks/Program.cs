using BenchmarkDotNet.Running;
using Stratum.Benchmarks.Load;

namespace Stratum.Benchmarks;

/// <summary>
/// <c>load</c> and <c>reads</c> run the HTTP load tests (<see cref="ScreenLoadBenchmark"/>, <see cref="ReadLoadBenchmark"/>);
/// anything else goes to BenchmarkDotNet.
/// A named class rather than top-level statements: the web app's entry point is also called <c>Program</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["load", .. var rest])
        {
            return await ScreenLoadBenchmark.RunAsync(rest, Console.Out, Console.Error);
        }

        if (args is ["reads", .. var options])
        {
            return await ReadLoadBenchmark.RunAsync(options, Console.Out, Console.Error);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
