using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Npgsql;
using Stratum.Data.Infrastructure;

namespace Stratum.Web.Hosting;

/// <summary>
/// DESIGN §8: a host that cannot start prints one line naming the cause and exits non-zero, never a stack trace.
/// Until it has started, the framework's own error logs (which carry the exception and its stack) are held back,
/// since the one line says what they would.
/// </summary>
internal static class StartupFailures
{
    public const int ExitCode = 1;

    private static volatile bool s_started;

    public static void QuietUntilStarted(ILoggingBuilder logging) =>
        logging.AddFilter((_, category, level) => s_started || level < LogLevel.Error || category?.StartsWith("Microsoft.", StringComparison.Ordinal) != true);

    public static void Started() => s_started = true;

    public static bool HasStarted => s_started;

    /// <summary>Prints the cause on standard error and answers the exit code.</summary>
    public static int Report(Exception exception)
    {
        Console.Error.WriteLine($"stratum-web: cannot start: {Describe(exception)}");
        return ExitCode;
    }

    public static string Describe(Exception exception)
    {
        var cause = Cause(exception);
        return cause switch
        {
            AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
                $"{OneLine(exception.Message)} Stop the other server or choose another address with --urls.",
            SqliteException { SqliteErrorCode: 26 or 11 } =>
                $"the SQLite database file is damaged or is not a database ({OneLine(cause.Message)}). Restore it from a backup: stratum-web restore FILE.",
            SqliteException { SqliteErrorCode: 14 or 8 } =>
                $"the SQLite database file cannot be opened for writing ({OneLine(cause.Message)}). Check that the data directory (Stratum:DataDirectory) exists and is writable.",
            NpgsqlException or SocketException =>
                $"the PostgreSQL database cannot be reached ({OneLine(cause.Message)}). Check ConnectionStrings:Stratum and that the server is running.",
            DataDirectoryException => OneLine(cause.Message),
            _ => OneLine(exception.Message),
        };
    }

    // The outermost exception that says something of its own: wrappers such as "An error occurred while…" hide the cause.
    private static Exception Cause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException or SqliteException or NpgsqlException or SocketException or DataDirectoryException)
            {
                return e is NpgsqlException { InnerException: SocketException socket } ? socket : e;
            }
        }

        return exception;
    }

    private static string OneLine(string message) =>
        string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
