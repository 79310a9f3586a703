namespace Stratum.Data.Photos;

/// <summary>Keeps photo files and their thumbnails under a root directory; each is read back only if it matches its recorded SHA-256.</summary>
public sealed class PhotoStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Writes the image and thumbnail of <paramref name="photo"/> (made by <see cref="Photo.Of"/> from these bytes); the caller then saves the row.</summary>
    public async Task SaveAsync(Photo photo, byte[] image, byte[] thumbnail, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, photo.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteAsync(path, image, cancellationToken);
        await WriteAsync(Path.Combine(Root, photo.ThumbnailPath), thumbnail, cancellationToken);
    }

    /// <summary>The image's bytes, or null when the file is missing or its SHA-256 no longer matches the record.</summary>
    public Task<byte[]?> ReadVerifiedAsync(Photo photo, CancellationToken cancellationToken) => ReadAsync(photo.RelativePath, photo.Sha256, cancellationToken);

    /// <summary>The thumbnail's bytes, checked like the image's; null also for a photo stored before thumbnails were made.</summary>
    public Task<byte[]?> ReadThumbnailAsync(Photo photo, CancellationToken cancellationToken) =>
        photo.ThumbnailSha256 is { } sha ? ReadAsync(photo.ThumbnailPath, sha, cancellationToken) : Task.FromResult<byte[]?>(null);

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await file.WriteAsync(bytes, cancellationToken);
    }

    private async Task<byte[]?> ReadAsync(string relativePath, string sha256, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, relativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Photo.Hash(bytes) == sha256 ? bytes : null;
    }
}
