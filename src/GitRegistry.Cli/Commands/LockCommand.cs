using System.CommandLine;
using GitRegistry.Cli.Json;
using GitRegistry.Locking;

namespace GitRegistry.Cli.Commands;

/// <summary>
/// <c>gitreg lock restore</c> (what the GitRegistry.Build package runs before compile) and <c>gitreg lock update</c>
/// (re-resolve a project's models.lock.json). The rules live in <see cref="ModelRestore"/>; this only parses and prints.
/// </summary>
internal static class LockCommand
{
    private const string DefaultLock = ModelsLock.FileName;

    public static Command Create() => new("lock", "Pin model versions in a project's models.lock.json (like NuGet's packages.lock.json).")
    {
        Restore(),
        Update(),
    };

    private static Command Restore()
    {
        var lockPath = LockOption();
        var models = new Option<string[]>("--model") { Description = "A model the project serves, as a URI (models:/NAME/STAGE, /VERSION or @ALIAS); repeat for each.", HelpName = "URI", AllowMultipleArgumentsPerToken = false };
        var locked = new Option<bool>("--locked") { Description = "Resolve every model and fail when a version differs from the lock; never write the lock (CI)." };
        var update = new Option<bool>("--update") { Description = "Resolve every model again and write the lock." };
        var cache = CacheOption();
        var manifests = new Option<string?>("--manifests") { Description = "Write NAME/manifest.json for each model into this folder (for the runtime).", HelpName = "DIR" };
        var command = new Command("restore", "Pin each requested model in the lock (resolving only new or changed requests), fetch its artifact into the cache and check its sha256.")
        {
            lockPath, models, locked, update, cache, manifests,
        };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            if (context.Get(locked) && context.Get(update))
            {
                throw new RegistryException(ErrorKind.Usage, "--locked and --update contradict each other", "pass one of them");
            }
            var result = ModelRestore.Run(new RestoreOptions
            {
                LockPath = Path.GetFullPath(context.Get(lockPath)),
                Registry = context.RegistryPath,
                Requests = (context.Get(models) ?? []).Select(ModelRestore.ParseRequest).ToList(),
                Mode = context.Get(locked) ? LockMode.Locked : context.Get(update) ? LockMode.Update : LockMode.Default,
                CacheRoot = context.Get(cache),
                ManifestDirectory = context.Get(manifests),
            });
            return Print(context, result);
        }));
        return command;
    }

    private static Command Update()
    {
        var lockPath = LockOption();
        var names = new Argument<string[]>("names") { Description = "The models to update (default: all in the lock).", Arity = ArgumentArity.ZeroOrMore };
        var cache = CacheOption();
        var command = new Command("update", "Resolve the requests in a models.lock.json again and write the versions they resolve to now.") { names, lockPath, cache };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var result = ModelRestore.Run(new RestoreOptions
            {
                LockPath = Path.GetFullPath(context.Get(lockPath)),
                Registry = context.RegistryPath,
                Mode = LockMode.Update,
                UpdateOnly = context.Get(names),
                CacheRoot = context.Get(cache),
                FetchArtifacts = false,
            });
            return Print(context, result);
        }));
        return command;
    }

    private static Option<string> LockOption() => new("--lock")
    {
        Description = $"The lock file. Default: {DefaultLock} in the current folder.",
        HelpName = "PATH",
        DefaultValueFactory = _ => DefaultLock,
    };

    private static Option<string?> CacheOption() => new("--cache")
    {
        Description = $"The artifact cache. Default: ${ArtifactCache.Variable}, else ~/.gitregistry/cache.",
        HelpName = "DIR",
    };

    private static int Print(CommandContext context, RestoreResult result)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(Views.Restore(result));
            return 0;
        }
        foreach (var model in result.Models)
        {
            var change = model.PreviousVersion is { } previous ? $" (was {previous})" : "";
            context.Output.Plain($"{model.Name,-24} {model.Locked.Request,-40} version {model.Locked.Version}{change}  {model.Status.ToString().ToLowerInvariant()}");
        }
        foreach (var name in result.Removed)
        {
            context.Output.Plain($"{name,-24} removed from the lock (no longer requested)");
        }
        context.Output.Plain(result.LockWritten ? $"wrote {result.LockPath}" : $"{result.LockPath} is up to date");
        return 0;
    }
}
