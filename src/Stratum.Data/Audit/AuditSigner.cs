using System.Security.Cryptography;

namespace Stratum.Data.Audit;

/// <summary>
/// The key that signs audit checkpoints (ECDSA P-256, from a PEM file kept outside the database) and the public keys
/// of earlier ones, so checkpoints signed before a rotation still verify.
/// </summary>
public sealed class AuditSigner : IDisposable
{
    private readonly ECDsa _current;
    private readonly Dictionary<string, ECDsa> _trusted = new(StringComparer.Ordinal);

    /// <param name="privateKeyPem">The current key (an EC private key in PEM).</param>
    /// <param name="previousKeysPem">Earlier keys (public or private PEM): only their public part is used.</param>
    public AuditSigner(string privateKeyPem, IEnumerable<string> previousKeysPem)
    {
        _current = ECDsa.Create();
        _current.ImportFromPem(privateKeyPem);
        if (_current.KeySize != 256)
        {
            throw new CryptographicException($"The audit signing key is a {_current.KeySize}-bit key; it must be ECDSA P-256.");
        }

        CurrentKeyId = KeyIdOf(_current);
        _trusted[CurrentKeyId] = _current;
        foreach (var pem in previousKeysPem)
        {
            var key = ECDsa.Create();
            key.ImportFromPem(pem);
            _trusted.TryAdd(KeyIdOf(key), key);
        }
    }

    public string CurrentKeyId { get; }

    /// <summary>The public key of every trusted key id, as PEM: exported beside the checkpoints so they can be checked elsewhere.</summary>
    public IReadOnlyDictionary<string, string> PublicKeys => _trusted.ToDictionary(k => k.Key, k => k.Value.ExportSubjectPublicKeyInfoPem());

    /// <summary>A new P-256 key as PEM, for <c>stratum-web new-audit-key FILE</c>.</summary>
    public static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportECPrivateKeyPem();
    }

    /// <summary>The first 32 hex digits of the SHA-256 of the public key.</summary>
    public static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..AuditCheckpoint.KeyIdLength];

    internal (string KeyId, string Signature) Sign(byte[] payload) => (CurrentKeyId, Convert.ToBase64String(_current.SignData(payload, HashAlgorithmName.SHA256)));

    /// <summary>Whether the signature holds; null when the key id is not one this host trusts.</summary>
    public bool? Verify(AuditCheckpoint checkpoint)
    {
        if (!_trusted.TryGetValue(checkpoint.KeyId, out var key))
        {
            return null;
        }

        try
        {
            return key.VerifyData(checkpoint.Payload(), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var key in _trusted.Values.Distinct())
        {
            key.Dispose();
        }
    }
}
