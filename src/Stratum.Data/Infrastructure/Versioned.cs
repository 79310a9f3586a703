namespace Stratum.Data.Infrastructure;

/// <summary>
/// An editable aggregate. <see cref="Version"/> is its optimistic-concurrency token: SaveChanges renews it whenever
/// the aggregate or one of its owned parts changes, and updates only where the stored value still equals the one
/// that was read, so a stale update fails with <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>
/// instead of overwriting.
/// </summary>
/// <remarks>A client-generated Guid works the same on SQLite and PostgreSQL, unlike rowversion or xmin.</remarks>
public abstract class Versioned
{
    public Guid Version { get; private set; } = Guid.NewGuid();
}
