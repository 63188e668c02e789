using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class CloneCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "The registry's URL: a path, file://, git://, https:// or ssh (credentials come from git's own helpers and ssh-agent)." };
        var directory = new Argument<string?>("directory") { Description = "Where to clone to (default: the URL's last part).", Arity = ArgumentArity.ZeroOrOne };
        var bare = new Option<bool>("--bare") { Description = "Make a bare clone." };
        var command = new Command("clone", "Clone a shared registry.") { url, directory, bare };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var source = context.Get(url);
            var target = context.Get(directory) ?? Path.GetFileNameWithoutExtension(source.TrimEnd('/'));
            using var registry = Registry.Clone(source, target, context.Get(bare));
            var path = registry.IsBare ? registry.GitDirectory : registry.WorkingDirectory;
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject { ["path"] = path, ["commit"] = registry.Head, ["name"] = registry.Config.Name });
            }
            else
            {
                context.Output.Plain($"Cloned registry '{registry.Config.Name}' into {path}");
                context.Output.Plain("Writes stay local until 'gitreg push'; pass --push (or git config gitreg.push true) to push each write.");
            }
            return 0;
        }));
        return command;
    }
}
