using System.Buffers.Binary;
using SkiaSharp;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>A JPEG as a phone writes it: an EXIF block with the orientation and a GPS position (59° N).</summary>
public static class ExifJpeg
{
    public static byte[] Make(int width, int height, ushort orientation)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 120, 90));
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var tiff = Tiff(orientation);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>Little-endian TIFF: IFD0 (orientation, GPS pointer) at 8, the GPS IFD (latitude ref and latitude) at 38, its rationals at 68.</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var t = new byte[92];
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(t.AsSpan(8), 2);
        Entry(t, 10, tag: 0x0112, type: 3, count: 1, value: orientation);
        Entry(t, 22, tag: 0x8825, type: 4, count: 1, value: 38);
        BinaryPrimitives.WriteUInt16LittleEndian(t.AsSpan(38), 2);
        Entry(t, 40, tag: 0x0001, type: 2, count: 2, value: 'N');
        Entry(t, 52, tag: 0x0002, type: 5, count: 3, value: 68);
        uint[] degreesMinutesSeconds = [59, 1, 20, 1, 0, 1];
        for (var i = 0; i < degreesMinutesSeconds.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(68 + (4 * i)), degreesMinutesSeconds[i]);
        }

        return t;
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }
}
