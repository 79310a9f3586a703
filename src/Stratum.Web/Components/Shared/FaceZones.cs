using Stratum.Core.Vocabulary;

namespace Stratum.Web.Components.Shared;

/// <summary>One zone on the face map: its outline (one or more SVG paths, left and right sides) and where its label goes.</summary>
public sealed record FaceZone(Zone Zone, IReadOnlyList<string> Paths, double LabelX, double LabelY);

/// <summary>
/// The drawing of the face-zone map (viewBox 0 0 200 270, the face seen from the front). The zones of DESIGN §2 that are
/// on the face and neck are drawn; the other zones are in the table beside it.
/// </summary>
public static class FaceZones
{
    public const string ViewBox = "0 0 200 270";

    public const string Outline = "M100,14 C150,14 172,56 170,110 C168,150 150,190 100,206 C50,190 32,150 30,110 C28,56 50,14 100,14 Z";

    public static readonly IReadOnlyList<FaceZone> Drawn =
    [
        new(Zone.Forehead, ["M46,66 C46,34 70,20 100,20 C130,20 154,34 154,66 C134,60 116,59 100,59 C84,59 66,60 46,66 Z"], 100, 44),
        new(Zone.Glabella, ["M90,62 L110,62 L108,82 L92,82 Z"], 100, 74),
        new(Zone.Periorbital, ["M54,88 C60,74 84,74 88,88 C84,102 60,102 54,88 Z", "M112,88 C116,74 140,74 146,88 C140,102 116,102 112,88 Z"], 71, 91),
        new(Zone.Nose, ["M92,86 L108,86 L116,132 C108,140 92,140 84,132 Z"], 100, 118),
        new(Zone.Cheeks, ["M38,100 L52,104 C62,110 76,110 82,104 L82,146 C70,156 52,154 42,140 Z", "M162,100 L148,104 C138,110 124,110 118,104 L118,146 C130,156 148,154 158,140 Z"], 60, 130),
        new(Zone.Perioral, ["M76,150 C80,138 120,138 124,150 C124,166 110,172 100,172 C90,172 76,166 76,150 Z"], 100, 158),
        new(Zone.Chin, ["M82,176 C92,180 108,180 118,176 L116,194 C108,202 92,202 84,194 Z"], 100, 190),
        new(Zone.Jawline, ["M40,146 C48,164 60,176 78,186 L80,198 C58,190 42,174 34,150 Z", "M160,146 C152,164 140,176 122,186 L120,198 C142,190 158,174 166,150 Z"], 48, 172),
        new(Zone.Neck, ["M70,208 L130,208 L134,262 L66,262 Z"], 100, 238),
    ];
}
