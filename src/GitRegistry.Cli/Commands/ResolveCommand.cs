using System.CommandLine;
using GitRegistry.Cli.Json;

namespace GitRegistry.Cli.Commands;

internal static class ResolveCommand
{
    public static Command Create()
    {
        var uri = new Argument<string>("uri") { Description = "models:/NAME/VERSION, models:/NAME/STAGE, models:/NAME@ALIAS or models:/NAME/latest." };
        var at = new Option<string?>("--at") { Description = "Resolve as the registry was at this commit (id, branch or tag).", HelpName = "COMMIT" };
        var command = new Command("resolve", "Resolve a model URI to one version: prints name, version, artifact uri and sha256.") { uri, at };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var parsed = ModelUri.Parse(context.Get(uri));
            var registry = context.ReadRegistry;
            var version = context.Get(at) is { } revision ? registry.ResolveAt(parsed, revision) : registry.Resolve(parsed);
            if (context.Output.Json)
            {
                context.Output.WriteJson(Views.Version(version));
                return 0;
            }
            var m = version.Manifest;
            context.Output.Plain($"name     {m.Name}");
            context.Output.Plain($"version  {m.Version}");
            context.Output.Plain($"stage    {version.Stage}");
            context.Output.Plain($"artifact {m.Artifact.Uri}");
            context.Output.Plain($"sha256   {m.Artifact.Sha256}");
            context.Output.Plain($"commit   {version.CommitId}");
            return 0;
        }));
        return command;
    }
}
