using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stratum.Core.Knowledge;

namespace Stratum.Web.Hosting;

/// <summary>The knowledge for this host: embedded, or overridden file by file from <c>Stratum:KnowledgePath</c>.</summary>
internal static class KnowledgeLoading
{
    public static KnowledgeBase Load(IConfiguration configuration)
    {
        if (configuration["Stratum:KnowledgePath"] is not { Length: > 0 } directory)
        {
            return KnowledgeBase.Default;
        }

        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"Stratum:KnowledgePath: the directory '{directory}' does not exist.");
        }

        // Refusing to start beats serving verdicts from rules that failed their checks.
        return KnowledgeBase.TryLoad(
            name => Path.Combine(directory, name) is var path && File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null,
            out var knowledge,
            out var errors)
            ? knowledge
            : throw new InvalidOperationException("Stratum:KnowledgePath: the knowledge is invalid:\n" + string.Join("\n", errors));
    }
}

/// <summary>Healthy when the knowledge is loaded; reports its version.</summary>
internal sealed class KnowledgeHealthCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"knowledge {knowledge.Version}"));
}
