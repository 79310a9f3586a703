using SkiaSharp;

namespace Stratum.Web.Photos;

/// <summary>An uploaded image decoded and written again: pixels only, upright, with a thumbnail.</summary>
public sealed record CleanImage(byte[] Bytes, string ContentType, int Width, int Height, byte[] Thumbnail)
{
    /// <summary>Forty megapixels: more than any phone camera; a larger image is refused before it is decoded.</summary>
    public const long MaxPixels = 40_000_000;

    public const int ThumbnailSize = 320;

    /// <summary>
    /// Decodes <paramref name="data"/> and re-encodes it (PNG stays PNG, everything else becomes JPEG), so EXIF (GPS,
    /// camera, dates), XMP, IPTC and any other block of the original never reach storage. The EXIF orientation is
    /// applied to the pixels first, since it is dropped with the rest. Null with the reason when it is not a readable image.
    /// </summary>
    public static (CleanImage? Image, string? Error) Read(byte[] data)
    {
        using var codec = SKCodec.Create(new MemoryStream(data, writable: false));
        if (codec is null)
        {
            return (null, "the file is not an image this server can read (JPEG, PNG or WebP)");
        }

        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            return (null, $"the image is {info.Width} × {info.Height} pixels; at most {MaxPixels / 1_000_000} megapixels");
        }

        using var decoded = SKBitmap.Decode(codec, info.WithColorType(SKColorType.Rgba8888).WithAlphaType(info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        if (decoded is null)
        {
            return (null, "the image is damaged and could not be decoded");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var png = codec.EncodedFormat == SKEncodedImageFormat.Png;
        var bytes = Encode(upright, png);
        var scale = Math.Min(1.0, (double)ThumbnailSize / Math.Max(upright.Width, upright.Height));
        using var small = upright.Resize(new SKImageInfo(Math.Max(1, (int)(upright.Width * scale)), Math.Max(1, (int)(upright.Height * scale))), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return (new CleanImage(bytes, png ? "image/png" : "image/jpeg", upright.Width, upright.Height, Encode(small, png: false)), null);
    }

    private static byte[] Encode(SKBitmap bitmap, bool png)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, png ? 100 : 90);
        return encoded.ToArray();
    }

    /// <summary>The bitmap turned as its EXIF orientation says the camera meant it.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var result = new SKBitmap(turned ? source.Height : source.Width, turned ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return result;
    }
}
