using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Stratum.Data;
using Stratum.Data.Audit;
using Stratum.Data.Clinics;
using Stratum.Data.Sqlite;
using Stratum.Web.Security;

namespace Stratum.Web.Hosting;

/// <summary>
/// <c>stratum-web backup FILE</c> and <c>restore FILE</c> for the SQLite database, through SQLite's online backup, which
/// copies a consistent database while the server goes on serving. A restore replaces the database, then migrates it
/// and verifies every clinic's audit chain. PostgreSQL has pg_dump and pg_restore (README).
/// </summary>
internal static class DatabaseBackup
{
    private const int Failed = 1;
    private const int Usage = 2;

    public static async Task<int> BackupAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        if (SqliteOf(scope) is not { } db)
        {
            return Refuse("backup");
        }

        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            Console.Error.WriteLine($"stratum-web: backup: {target} already exists; choose a new file name.");
            return Usage;
        }

        var source = (SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync(ct);
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }

        Console.WriteLine($"Backed up the database to {target} ({new FileInfo(target).Length:N0} bytes). Photos are files: copy {Path.Combine(Path.GetDirectoryName(source.DataSource)!, "photos")} beside it.");
        return 0;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"stratum-web: restore: {source} does not exist.");
            return Usage;
        }

        if (Unreadable(source) is { } why)
        {
            Console.Error.WriteLine($"stratum-web: restore: {source} is not a Stratum backup ({why}); the database was not changed.");
            return Usage;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            if (SqliteOf(scope) is not { } db)
            {
                return Refuse("restore");
            }

            var target = (SqliteConnection)db.Database.GetDbConnection();
            await target.OpenAsync(ct);
            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await backup.OpenAsync(ct);
            backup.BackupDatabase(target);
        }

        SqliteConnection.ClearAllPools();
        await StratumDatabase.MigrateAsync(services, ct);
        return await VerifyAsync(services, source, ct);
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, string source, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestClinicScope>().RunAsAdmin();
        var db = scope.ServiceProvider.GetRequiredService<StratumDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var clinics = await db.Scoped<Clinic>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        foreach (var clinic in clinics)
        {
            var verified = await audit.VerifyAsync(clinic.Id, ct);
            if (!verified.Ok)
            {
                Console.Error.WriteLine($"stratum-web: restore: restored from {source}, but the audit chain of clinic {clinic.Name} is broken at entry {verified.BrokenAt}: {verified.Reason}.");
                return Failed;
            }
        }

        Console.WriteLine($"Restored the database from {source}; the audit chains of {clinics.Count} clinic{(clinics.Count == 1 ? "" : "s")} verify.");
        return 0;
    }

    private static SqliteStratumDbContext? SqliteOf(AsyncServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<RequestClinicScope>().RunAsAdmin();
        return scope.ServiceProvider.GetRequiredService<StratumDbContext>() as SqliteStratumDbContext;
    }

    private static int Refuse(string command)
    {
        Console.Error.WriteLine($"stratum-web: {command}: the database is PostgreSQL; use pg_dump / pg_restore as the README shows.");
        return Usage;
    }

    /// <summary>Why the file cannot be a Stratum database, or null: SQLite's integrity check and the migrations table.</summary>
    private static string? Unreadable(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (check.ExecuteScalar() as string is not "ok" and var result)
            {
                return $"integrity check: {result}";
            }

            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
            return Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1 ? null : "it has no Stratum tables";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }
}
