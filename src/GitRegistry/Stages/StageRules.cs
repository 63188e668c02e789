using GitRegistry.Configuration;
using GitRegistry.Manifests;

namespace GitRegistry.Stages;

/// <summary>
/// MLflow's <c>transition_model_version_stage</c> semantics on a model's state: with archive-existing, every
/// other version in the target stage moves to Archived; without it, versions share a stage unless the registry
/// marks the stage exclusive, in which case the move is refused while another version holds it.
/// </summary>
internal static class StageRules
{
    /// <summary>Applies the transition to <paramref name="model"/>; returns the stage left and the versions archived.</summary>
    public static (string From, string To, List<int> Archived) Transition(RegistryConfig config, ModelState model, int version, string stage, bool archiveExisting)
    {
        var target = config.GetStage(stage);
        if (archiveExisting && (target.Name.Equals(StageName.None, StringComparison.OrdinalIgnoreCase) || target.Name.Equals(StageName.Archived, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RegistryException(ErrorKind.Usage, $"--archive-existing cannot be used with the target stage {target.Name}",
                "archive-existing only applies when moving into an active stage such as Staging or Production; drop the option");
        }
        var state = LiveVersion(model, version);
        var from = state.Stage;
        var archived = new List<int>();
        var holders = model.Versions
            .Where(v => v.Key != version && v.Value.Deleted is null && v.Value.Stage.Equals(target.Name, StringComparison.OrdinalIgnoreCase))
            .Select(v => v.Key).ToList();
        // As in MLflow, archive-existing archives the other holders even when the version itself stays put.
        if (from.Equals(target.Name, StringComparison.Ordinal) && !(archiveExisting && holders.Count > 0))
        {
            return (from, target.Name, archived);
        }
        if (archiveExisting)
        {
            var archive = config.GetStage(StageName.Archived).Name;
            foreach (var holder in holders)
            {
                model.Versions[holder].Stage = archive;
                archived.Add(holder);
            }
        }
        else if (target.Exclusive == true && holders.Count > 0)
        {
            throw new RegistryException(ErrorKind.Conflict,
                $"{target.Name} is exclusive in registry.yaml and version {string.Join(", ", holders)} of {model.Name} is in it",
                $"pass --archive-existing to archive version {string.Join(", ", holders)}, or move it out of {target.Name} first");
        }
        state.Stage = target.Name;
        return (from, target.Name, archived);
    }

    /// <summary>The state of a version that exists and is not deleted, or a clear error.</summary>
    public static VersionState LiveVersion(ModelState model, int version)
    {
        if (!model.Versions.TryGetValue(version, out var state))
        {
            throw new NotFoundException($"{model.Name} has no version {version}",
                Reading.RegistryView.Existing("versions", model.Versions.Where(v => v.Value.Deleted is null).Select(v => v.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (state.Deleted is not null)
        {
            throw new RegistryException(ErrorKind.NotFound, $"version {version} of {model.Name} was deleted on {state.Deleted.At} by {state.Deleted.By}",
                "deleted versions cannot be changed or resolved; register a new version");
        }
        return state;
    }
}
