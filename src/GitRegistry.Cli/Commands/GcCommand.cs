using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class GcCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be removed; remove nothing." };
        var command = new Command("gc", "Remove artifacts from the local store that no manifest on any branch or tag references (kept for an hour after they were stored).") { dryRun };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var result = context.ReadRegistry.CollectGarbage(context.Get(dryRun));
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["store"] = result.StoreRoot,
                    ["dry_run"] = !result.Removed,
                    ["bytes"] = result.Bytes,
                    ["unreferenced"] = new JArray(result.Unreferenced.Select(blob => new JObject { ["path"] = blob.Path, ["sha256"] = blob.Sha256, ["size"] = blob.Size })),
                });
            }
            else
            {
                foreach (var blob in result.Unreferenced)
                {
                    context.Output.Plain($"{(result.Removed ? "removed" : "would remove")} {blob.Path} ({blob.Size} bytes)");
                }
                context.Output.Plain(result.Unreferenced.Count == 0
                    ? $"Nothing to remove in {result.StoreRoot}"
                    : $"{(result.Removed ? "Removed" : "Would remove")} {result.Unreferenced.Count} files, {result.Bytes} bytes, from {result.StoreRoot}");
            }
            return 0;
        }));
        return command;
    }
}
