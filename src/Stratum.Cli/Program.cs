using System.Text;
using Stratum.Cli;

// Buffered standard streams: batch mode writes a line per product, and an auto-flushed console would make a syscall each.
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
var code = new StratumCommand(TimeProvider.System, stdin).Invoke(args, stdout, Console.Error);
stdout.Flush();
return code;
