using System.CommandLine;
using GitRegistry.Storage;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class SyncCommands
{
    public static Command Pull()
    {
        var command = new Command("pull", "Fetch the remote and fast-forward the registry to it.");
        command.SetAction(parse => CommandRunner.Run(parse, context => Print(context, context.Registry.Pull(context.Remote))));
        return command;
    }

    public static Command Push()
    {
        var command = new Command("push", "Publish local commits to the remote (re-applied on its tip when someone else pushed first).");
        command.SetAction(parse => CommandRunner.Run(parse, context => Print(context, context.Registry.Push(context.Remote))));
        return command;
    }

    private static int Print(CommandContext context, SyncResult result)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(new JObject { ["changed"] = result.Changed, ["summary"] = result.Summary, ["commit"] = result.Commit });
        }
        else
        {
            context.Output.Plain(result.Summary);
        }
        return 0;
    }
}
