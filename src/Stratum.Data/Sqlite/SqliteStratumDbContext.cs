using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Sqlite;

/// <summary>The embedded default: SQLite in WAL mode, one file under the data directory.</summary>
/// <remarks>
/// Migrations: <c>dotnet ef migrations add NAME --project src/Stratum.Data --context SqliteStratumDbContext --output-dir Sqlite/Migrations</c>
/// (the tool comes from the repository's manifest: <c>dotnet tool restore</c>).
/// </remarks>
public sealed class SqliteStratumDbContext(DbContextOptions<SqliteStratumDbContext> options, IClinicScope scope)
    : StratumDbContext(options, scope)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);

        // SQLite has no timestamp type: UTC microseconds in an integer sort and compare in SQL and match PostgreSQL's precision.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcMicrosecondsConverter>();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the context without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStratumDbContext>
{
    public SqliteStratumDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteStratumDbContext>();
        StratumDatabase.UseSqlite(options, "Data Source=stratum-design.db");
        return new SqliteStratumDbContext(options.Options, ClinicScope.Admin);
    }
}
