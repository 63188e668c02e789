using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitRegistry.Runtime.AspNetCore;

/// <summary>Maps <c>GET /model</c>: the served model's name, version, sha256, request, registry commit and manifest as JSON.</summary>
public static class ModelEndpoints
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Serves the metadata of the model the build pinned under <paramref name="name"/>: in this app's output folder
    /// (<see cref="RegisteredModels.Default"/>) unless <paramref name="models"/> is given. A missing or altered
    /// artifact answers 503 with problem details.
    /// </summary>
    public static IEndpointConventionBuilder MapModelMetadata(this IEndpointRouteBuilder endpoints, string name, string pattern = "/model", RegisteredModels? models = null) =>
        Map(endpoints, pattern, () => (models ?? RegisteredModels.Default).GetModel(name));

    /// <summary>Serves the metadata of a model resolved some other way (e.g. at startup from a registry clone).</summary>
    public static IEndpointConventionBuilder MapModelMetadata(this IEndpointRouteBuilder endpoints, RegisteredModel model, string pattern = "/model") =>
        Map(endpoints, pattern, () => model);

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<RegisteredModel> model) =>
        endpoints.MapGet(pattern, () =>
        {
            try
            {
                var served = model();
                return Results.Json(new
                {
                    served.Name,
                    served.Version,
                    served.Request,
                    served.RequestedStage,
                    served.Sha256,
                    served.RegistryCommit,
                    served.Manifest,
                }, Json);
            }
            catch (Exception e) when (e is ModelArtifactException or KeyNotFoundException)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The model is unavailable");
            }
        });
}
