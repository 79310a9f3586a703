using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stratum.Data.Audit;
using Stratum.Data.Postgres;
using Stratum.Data.Sqlite;

namespace Stratum.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses and configures the database: embedded SQLite unless <c>Stratum:Database</c> says <c>postgres</c>.</summary>
public static class StratumDatabase
{
    public const string ConnectionStringName = "Stratum";

    /// <summary>
    /// Registers <see cref="StratumDbContext"/> (as the chosen provider's subclass), <see cref="AuditTrail"/> and its
    /// <see cref="AuditGroupCommit"/>.
    /// The host registers <see cref="Infrastructure.IClinicScope"/> (from the user's claims).
    /// </summary>
    /// <remarks>
    /// SQLite without a connection string uses <c>stratum.db</c> (or <c>Stratum:DatabaseFile</c>) in <c>Stratum:DataDirectory</c>, by default
    /// <c>&lt;contentRoot&gt;/App_Data</c>, created if missing, so a fresh machine needs no set-up.
    /// </remarks>
    public static IServiceCollection AddStratumData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        services.AddSingleton(new Photos.PhotoStore(Path.Combine(DataDirectory(configuration, contentRoot), "photos")));
        switch (ProviderFrom(configuration["Stratum:Database"]))
        {
            case DatabaseProvider.Postgres:
                var postgres = string.IsNullOrWhiteSpace(connectionString)
                    ? throw new InvalidOperationException($"Stratum:Database is postgres but ConnectionStrings:{ConnectionStringName} is not set.")
                    : connectionString;
                AddProvider<PostgresStratumDbContext>(services, o => UsePostgres(o, postgres), (options, scope) => new(options, scope));
                break;
            default:
                var sqlite = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite(configuration, contentRoot) : connectionString;
                AddProvider<SqliteStratumDbContext>(services, o => UseSqlite(o, sqlite), (options, scope) => new(options, scope));
                break;
        }

        return services;
    }

    /// <summary>
    /// The provider's context, as itself and as <see cref="StratumDbContext"/>, and the group commit, which makes its own
    /// contexts in the admin scope. The group commit is made on first use (not for <c>migrate</c> or a backup) and
    /// disposed by the container, which lets it finish the rows it holds.
    /// </summary>
    private static void AddProvider<TContext>(IServiceCollection services, Func<DbContextOptionsBuilder, DbContextOptionsBuilder> configure,
        Func<DbContextOptions<TContext>, Infrastructure.IClinicScope, TContext> create) where TContext : StratumDbContext
    {
        services.AddDbContext<TContext>(o => configure(o));
        services.AddScoped<StratumDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton(_ =>
        {
            var options = (DbContextOptions<TContext>)configure(new DbContextOptionsBuilder<TContext>()).Options;
            return new AuditGroupCommit(() => create(options, Infrastructure.ClinicScope.Admin));
        });
    }

    /// <summary>Reads <c>Stratum:Database</c>: empty or <c>sqlite</c>, or <c>postgres</c>; anything else is a configuration error.</summary>
    public static DatabaseProvider ProviderFrom(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Stratum:Database is '{setting}'; expected sqlite or postgres."),
    };

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).AddInterceptors(WalInterceptor.Instance);

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

    /// <summary>Applies the provider's pending migrations (start-up, or <c>stratum-web migrate</c>).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StratumDbContext>().Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Where Stratum keeps its files (the SQLite database, photos): <c>Stratum:DataDirectory</c> or <c>&lt;contentRoot&gt;/App_Data</c>, created if missing.</summary>
    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        var directory = configuration["Stratum:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(contentRoot, "App_Data");
        try
        {
            // Written once, so a read-only directory is found at start-up rather than at the first photo.
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Infrastructure.DataDirectoryException(directory, e);
        }

        return directory;
    }

    /// <summary>The SQLite file in the data directory: <c>Stratum:DatabaseFile</c>, <c>stratum.db</c> unless set (the demo has its own).</summary>
    private static string DefaultSqlite(IConfiguration configuration, string contentRoot) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory(configuration, contentRoot), configuration["Stratum:DatabaseFile"] ?? "stratum.db"), Pooling = true }.ToString();

    /// <summary>
    /// WAL lets readers go on while one connection writes. The mode is stored in the file, so setting it on every
    /// open is a cheap no-op after the first.
    /// </summary>
    private sealed class WalInterceptor : DbConnectionInterceptor
    {
        public static readonly WalInterceptor Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Enable(connection);

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private const string Pragma = "PRAGMA journal_mode=WAL;";

        private static void Enable(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }
}
