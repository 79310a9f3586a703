using System.Security.Cryptography;
using Stratum.Core.Vocabulary;
using Stratum.Data.Photos;

namespace Stratum.Data.Tests.Photos;

public sealed class PhotoStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stratum-photos-").FullName;

    private static Photo PhotoOf(byte[] image, byte[] thumbnail) =>
        Photo.Of(Guid.NewGuid(), Guid.NewGuid(), "image/jpeg", image, 40, 30, thumbnail, Builders.Noon, Zone.Cheeks, null, PhotoStage.Before);

    [Fact]
    public async Task Stored_photo_and_thumbnail_record_their_sha256_and_read_back()
    {
        var store = new PhotoStore(_root);
        byte[] bytes = "not really a jpeg"u8.ToArray(), thumbnail = [9, 8, 7];
        var photo = PhotoOf(bytes, thumbnail);

        await store.SaveAsync(photo, bytes, thumbnail, TestContext.Current.CancellationToken);

        photo.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        photo.Length.ShouldBe(bytes.Length);
        (await store.ReadVerifiedAsync(photo, TestContext.Current.CancellationToken)).ShouldBe(bytes);
        (await store.ReadThumbnailAsync(photo, TestContext.Current.CancellationToken)).ShouldBe(thumbnail);
    }

    [Fact]
    public async Task Photo_or_thumbnail_changed_on_disk_is_not_returned()
    {
        var store = new PhotoStore(_root);
        var photo = PhotoOf([1, 2, 3], [4, 5, 6]);
        await store.SaveAsync(photo, [1, 2, 3], [4, 5, 6], TestContext.Current.CancellationToken);

        await File.WriteAllBytesAsync(Path.Combine(_root, photo.RelativePath), [1, 2, 4], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(_root, photo.ThumbnailPath), [4, 5, 7], TestContext.Current.CancellationToken);

        (await store.ReadVerifiedAsync(photo, TestContext.Current.CancellationToken)).ShouldBeNull();
        (await store.ReadThumbnailAsync(photo, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
