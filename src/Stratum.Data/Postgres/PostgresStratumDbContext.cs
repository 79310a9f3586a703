using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Postgres;

/// <summary>PostgreSQL through Npgsql, chosen with <c>Stratum:Database=postgres</c> and <c>ConnectionStrings:Stratum</c>.</summary>
/// <remarks>
/// Migrations: <c>dotnet ef migrations add NAME --project src/Stratum.Data --context PostgresStratumDbContext --output-dir Postgres/Migrations</c>
/// (the tool comes from the repository's manifest: <c>dotnet tool restore</c>).
/// </remarks>
public sealed class PostgresStratumDbContext(DbContextOptions<PostgresStratumDbContext> options, IClinicScope scope)
    : StratumDbContext(options, scope)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Byte order, as on SQLite: the keyset comparison and the index agree whatever the server's locale.
        builder.Entity<Patients.Patient>().Property(p => p.SortKey).UseCollation("C");
    }
}

/// <summary>Lets <c>dotnet ef</c> build the context without the web host; adding a migration needs no server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStratumDbContext>
{
    public PostgresStratumDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresStratumDbContext>();
        StratumDatabase.UsePostgres(options, Environment.GetEnvironmentVariable("ConnectionStrings__Stratum") ?? "Host=localhost;Database=stratum");
        return new PostgresStratumDbContext(options.Options, ClinicScope.Admin);
    }
}
