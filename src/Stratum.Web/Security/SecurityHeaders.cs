using NetEscapades.AspNetCore.SecurityHeaders;

namespace Stratum.Web.Security;

/// <summary>
/// The response headers of every page, API answer and <c>/docs</c>: a Content-Security-Policy that allows only this
/// origin and no inline script, no framing, no MIME sniffing and no referrer.
/// </summary>
/// <remarks>
/// The pages have no inline script or style at all. The API reference (<c>/docs</c>) has one inline script, which
/// carries a per-request nonce, and renders inline <c>style</c> attributes that a nonce cannot cover, so its
/// policy allows inline styles, never inline script.
/// </remarks>
public static class SecurityHeaders
{
    public const string DocsPolicy = "docs";

    public static IServiceCollection AddStratumSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Common(p, docs: false))
            .AddPolicy(DocsPolicy, p => Common(p, docs: true)));

    /// <summary>The nonce of this response, for the one inline script of <c>/docs</c>.</summary>
    public static string Nonce(HttpContext context) => context.GetNonce();

    private static void Common(HeaderPolicyCollection policy, bool docs) => policy
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyNoReferrer()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            var scripts = csp.AddScriptSrc().Self();
            var styles = csp.AddStyleSrc().Self();
            if (docs)
            {
                scripts.WithNonce();
                styles.UnsafeInline();
            }

            csp.AddImgSrc().Self().Data().Blob();
            csp.AddFontSrc().Self().Data();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
}
