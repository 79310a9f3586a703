namespace Stratum.Web.Api;

// The JSON bodies of the aftercare endpoints as OpenAPI shows them; Core's parser reads the body itself
// (AftercareRequest.Parse), which also accepts plain INCI text.

/// <param name="Inci">The ingredient list as printed on the product.</param>
/// <param name="HoursSinceTreatment">Hours since treatment (0 to 87600); or give <paramref name="TreatedAt"/>.</param>
/// <param name="TreatedAt">When the treatment was, yyyy-MM-ddTHH:mm on the person's clock.</param>
/// <param name="Now">The person's current time (default: the server's clock).</param>
/// <param name="Avoid">The person's own ingredients (or class codes) to avoid.</param>
public sealed record AftercareInput(string Inci, decimal? HoursSinceTreatment, string? TreatedAt, string? Now, IReadOnlyList<string>? Avoid, string? Name);

public sealed record RoutineProductInput(string Name, string Inci);

public sealed record RoutineInput(IReadOnlyList<RoutineProductInput> Products, decimal? HoursSinceTreatment, string? TreatedAt, string? Now, IReadOnlyList<string>? Avoid);
