using System.Security.Cryptography;
using Stratum.Core.Vocabulary;
using Stratum.Data.Photos;

namespace Stratum.Data.Tests.Photos;

public sealed class PhotoStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stratum-photos-").FullName;

    [Fact]
    public async Task Stored_photo_records_its_sha256_and_reads_back()
    {
        var store = new PhotoStore(_root);
        var bytes = "not really a jpeg"u8.ToArray();

        var photo = await store.SaveAsync(Guid.NewGuid(), Guid.NewGuid(), "image/jpeg", new MemoryStream(bytes), Builders.Noon, Zone.Cheeks, TestContext.Current.CancellationToken);

        photo.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        photo.Length.ShouldBe(bytes.Length);
        (await store.ReadVerifiedAsync(photo, TestContext.Current.CancellationToken)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Photo_changed_on_disk_is_not_returned()
    {
        var store = new PhotoStore(_root);
        var photo = await store.SaveAsync(Guid.NewGuid(), Guid.NewGuid(), "image/jpeg", new MemoryStream([1, 2, 3]), Builders.Noon, null, TestContext.Current.CancellationToken);

        await File.WriteAllBytesAsync(Path.Combine(_root, photo.RelativePath), [1, 2, 4], TestContext.Current.CancellationToken);

        (await store.ReadVerifiedAsync(photo, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
