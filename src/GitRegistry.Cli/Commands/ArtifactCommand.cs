using System.CommandLine;
using GitRegistry.Cli.Output;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class ArtifactCommand
{
    public static Command Create()
    {
        var uri = new Argument<string>("uri") { Description = "The model URI whose artifact to fetch." };
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the artifact into.", Required = true, HelpName = "DIR" };
        var command = new Command("artifact", "Fetch a version's artifact into a folder, checking its sha256.") { uri, output };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var registry = context.ReadRegistry;
            var version = registry.Resolve(context.Get(uri));
            var artifact = version.Manifest.Artifact;
            var path = ProgressReporter.Run(context.Output, $"Fetching {artifact.FileName}", artifact.Size,
                progress => registry.FetchArtifact(version, context.Get(output), progress));
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["name"] = version.Name,
                    ["version"] = version.Version,
                    ["path"] = Path.GetFullPath(path),
                    ["sha256"] = artifact.Sha256,
                    ["size"] = artifact.Size,
                });
            }
            else
            {
                context.Output.Plain($"Fetched {version.Name} version {version.Version} to {path} ({artifact.Size} bytes, sha256 verified)");
            }
            return 0;
        }));
        return command;
    }
}
