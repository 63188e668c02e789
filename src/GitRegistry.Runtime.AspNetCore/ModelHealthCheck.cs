using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitRegistry.Runtime.AspNetCore;

/// <summary>
/// Healthy when the served model's artifact is present and matches its sha256; the report's data carries the
/// model's name, version, sha256 and registry commit, so a dashboard shows exactly what is serving.
/// </summary>
public sealed class ModelHealthCheck(Func<RegisteredModel> model) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var served = model();
            var data = new Dictionary<string, object>
            {
                ["name"] = served.Name,
                ["version"] = served.Version,
                ["sha256"] = served.Sha256,
                ["request"] = served.Request,
                ["registry_commit"] = served.RegistryCommit,
            };
            return Task.FromResult(HealthCheckResult.Healthy($"{served.Name} version {served.Version} (sha256 {served.Sha256[..12]})", data));
        }
        catch (Exception e) when (e is ModelArtifactException or KeyNotFoundException)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, e.Message, e));
        }
    }
}
