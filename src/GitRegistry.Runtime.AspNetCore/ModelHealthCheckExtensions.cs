using Microsoft.Extensions.DependencyInjection;

namespace GitRegistry.Runtime.AspNetCore;

/// <summary>Registers <see cref="ModelHealthCheck"/>.</summary>
public static class ModelHealthCheckExtensions
{
    /// <summary>Checks the model the build pinned under <paramref name="name"/> (<see cref="RegisteredModels.Get"/>).</summary>
    public static IHealthChecksBuilder AddRegisteredModel(this IHealthChecksBuilder builder, string name, IEnumerable<string>? tags = null) =>
        builder.AddCheck($"model:{name}", new ModelHealthCheck(() => RegisteredModels.Get(name)), tags: tags);

    /// <summary>Checks a model resolved some other way (e.g. at startup from a registry clone).</summary>
    public static IHealthChecksBuilder AddRegisteredModel(this IHealthChecksBuilder builder, RegisteredModel model, IEnumerable<string>? tags = null) =>
        builder.AddCheck($"model:{model.Name}", new ModelHealthCheck(() => model), tags: tags);
}
