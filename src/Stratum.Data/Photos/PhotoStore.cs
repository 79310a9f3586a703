using System.Security.Cryptography;

namespace Stratum.Data.Photos;

/// <summary>Keeps photo files under a root directory and records each with its SHA-256.</summary>
public sealed class PhotoStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Writes the file and returns the <see cref="Photo"/> to add to the context; the caller saves it.</summary>
    public async Task<Photo> SaveAsync(Guid clinicId, Guid patientId, string contentType, Stream content, DateTimeOffset takenAt,
        Core.Vocabulary.Zone? zone, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var path = Path.Combine(Root, clinicId.ToString("n"), patientId.ToString("n"), id.ToString("n"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long length;
        string sha256;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            length = file.Length;
            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        return Photo.Create(id, clinicId, patientId, contentType, sha256, length, takenAt, zone);
    }

    /// <summary>The file's bytes, or null when the file is missing or its SHA-256 no longer matches the record.</summary>
    public async Task<byte[]?> ReadVerifiedAsync(Photo photo, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, photo.RelativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == photo.Sha256 ? bytes : null;
    }
}
