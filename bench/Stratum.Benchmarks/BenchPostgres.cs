using Npgsql;

namespace Stratum.Benchmarks;

/// <summary>Throw-away databases on the PostgreSQL server named by <c>STRATUM_TEST_POSTGRES</c> (test.sh starts one).</summary>
internal static class BenchPostgres
{
    public const string Variable = "STRATUM_TEST_POSTGRES";

    /// <summary>The admin connection string, or null when no server is configured.</summary>
    public static string? Admin => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } admin ? admin : null;

    /// <summary>A new, empty database named after <paramref name="prefix"/>; its name.</summary>
    public static async Task<string> CreateDatabaseAsync(string admin, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():n}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    public static async Task DropDatabaseAsync(string admin, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
