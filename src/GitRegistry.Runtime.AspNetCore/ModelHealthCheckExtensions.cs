using Microsoft.Extensions.DependencyInjection;

namespace GitRegistry.Runtime.AspNetCore;

/// <summary>Registers <see cref="ModelHealthCheck"/>.</summary>
public static class ModelHealthCheckExtensions
{
    /// <summary>
    /// Checks the model the build pinned under <paramref name="name"/>: in this app's output folder
    /// (<see cref="RegisteredModels.Default"/>) unless <paramref name="models"/> is given.
    /// </summary>
    public static IHealthChecksBuilder AddRegisteredModel(this IHealthChecksBuilder builder, string name, RegisteredModels? models = null, IEnumerable<string>? tags = null) =>
        builder.AddCheck($"model:{name}", new ModelHealthCheck(() => (models ?? RegisteredModels.Default).GetModel(name)), tags: tags);

    /// <summary>Checks a model resolved some other way (e.g. at startup from a registry clone).</summary>
    public static IHealthChecksBuilder AddRegisteredModel(this IHealthChecksBuilder builder, RegisteredModel model, IEnumerable<string>? tags = null) =>
        builder.AddCheck($"model:{model.Name}", new ModelHealthCheck(() => model), tags: tags);
}
