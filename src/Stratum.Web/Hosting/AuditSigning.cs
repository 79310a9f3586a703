using Stratum.Data.Audit;

namespace Stratum.Web.Hosting;

/// <summary>
/// The audit signing key from <c>Stratum:Audit:SigningKeyFile</c> (an EC P-256 private key in PEM, kept outside the
/// database) and the keys it replaced from <c>Stratum:Audit:PreviousKeyFiles</c> (paths separated by <c>;</c>).
/// Without a key no checkpoints are signed and the audit page says what that leaves open.
/// </summary>
internal static class AuditSigning
{
    public static IServiceCollection AddAuditSigning(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Stratum:Audit:SigningKeyFile"] is not { Length: > 0 } keyFile)
        {
            return services;
        }

        var previous = (configuration["Stratum:Audit:PreviousKeyFiles"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            return services.AddSingleton(new AuditSigner(File.ReadAllText(keyFile), previous.Select(File.ReadAllText)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"Stratum:Audit:SigningKeyFile / PreviousKeyFiles: cannot read an EC P-256 key ({e.Message})", e);
        }
    }

    /// <summary><c>stratum-web new-audit-key FILE</c>: writes a new key readable by its owner only.</summary>
    public static int WriteNewKey(string file)
    {
        if (File.Exists(file))
        {
            Console.Error.WriteLine($"stratum-web: new-audit-key: {file} already exists; a key is never overwritten.");
            return 2;
        }

        File.WriteAllText(file, AuditSigner.NewKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Console.WriteLine($"Wrote a new audit signing key to {file}. Set Stratum__Audit__SigningKeyFile to it; keep a copy away from the database.");
        return 0;
    }
}
