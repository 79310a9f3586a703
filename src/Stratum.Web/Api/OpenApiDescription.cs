using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Stratum.Web.Api;

/// <summary>
/// The OpenAPI document as a reader of /docs needs it: Stratum's title, the bearer token that staff endpoints take,
/// and short operation names (from the endpoint name) with the sentence that explains each one as its description.
/// </summary>
internal static class OpenApiDescription
{
    public const string BearerScheme = "Bearer";

    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Stratum API",
                Version = "1",
                Description = "Microneedling safety: screening, planning, aftercare and triage for anyone; a clinic's patients, sessions, "
                    + "consents, photos and reports for its staff. Staff endpoints take the bearer token of POST /api/auth/login.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken answered by POST /api/auth/login; it lasts 8 hours.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IEndpointNameMetadata>().FirstOrDefault() is { } name)
            {
                operation.Description = string.IsNullOrEmpty(operation.Description) ? operation.Summary : operation.Description;
                operation.Summary = Words(name.EndpointName);
            }

            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>"ReportAdverseEvent" → "Report adverse event".</summary>
    internal static string Words(string endpointName)
    {
        var words = new StringBuilder(endpointName.Length + 8);
        for (var i = 0; i < endpointName.Length; i++)
        {
            var c = endpointName[i];
            var startsWord = i > 0 && char.IsUpper(c) && (char.IsLower(endpointName[i - 1]) || (i + 1 < endpointName.Length && char.IsLower(endpointName[i + 1])));
            if (startsWord)
            {
                words.Append(' ');
            }

            // An acronym (CSV, PDF) keeps its capitals; other words after the first are lower case.
            var inAcronym = char.IsUpper(c) && ((i + 1 < endpointName.Length && char.IsUpper(endpointName[i + 1])) || (i > 0 && char.IsUpper(endpointName[i - 1])));
            words.Append(i == 0 || inAcronym ? c : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
