namespace Stratum.Data.Infrastructure;

/// <summary>Column lengths shared by several aggregates.</summary>
public static class Limits
{
    /// <summary>An Identity user id (a Guid string) or a user name for system actors.</summary>
    public const int UserIdLength = 450;

    public const int LotNumberLength = 64;

    public const int NoteLength = 4000;

    public const int ShortText = 200;
}
