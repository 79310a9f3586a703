namespace Stratum.Web.Hosting;

/// <summary>What <c>stratum-web</c> was asked to do: serve (no name), <c>migrate</c>, <c>backup FILE</c>, <c>restore FILE</c> or <c>new-audit-key FILE</c>.</summary>
internal sealed record HostCommand(string? Name, string? File, bool Demo, string[] HostArguments, string? Error)
{
    public static HostCommand Parse(string[] args)
    {
        var rest = args.Where(a => a != "--demo").ToList();
        var demo = rest.Count != args.Length;
        switch (rest.FirstOrDefault())
        {
            case "migrate":
                return new("migrate", null, demo, [.. rest.Skip(1)], null);
            case "backup" or "restore" or "new-audit-key":
                var name = rest[0];
                return rest.Count < 2 || rest[1].StartsWith('-')
                    ? new(name, null, demo, [], $"{name} needs a file: stratum-web {name} FILE")
                    : new(name, rest[1], demo, [.. rest.Skip(2)], null);
            default:
                return new(null, null, demo, [.. rest], null);
        }
    }
}
