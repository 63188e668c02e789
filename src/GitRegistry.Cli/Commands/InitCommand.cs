using System.CommandLine;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class InitCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path") { Description = "Where to create the registry (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var bare = new Option<bool>("--bare") { Description = "Create a bare repository, for a server that others push to." };
        var name = new Option<string?>("--name") { Description = "The registry's name (default: the folder's name).", HelpName = "NAME" };
        var command = new Command("init", "Create a new registry: a git repository with registry.yaml, a README and a first signed commit.") { path, bare, name };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var target = context.Get(path) ?? Environment.CurrentDirectory;
            using var registry = Registry.Init(target, context.Get(name), context.Get(bare));
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["path"] = registry.IsBare ? registry.GitDirectory : registry.WorkingDirectory,
                    ["bare"] = registry.IsBare,
                    ["branch"] = registry.Branch,
                    ["commit"] = registry.Head,
                    ["name"] = registry.Config.Name,
                });
            }
            else
            {
                context.Output.Plain($"Created registry '{registry.Config.Name}' in {(registry.IsBare ? registry.GitDirectory : registry.WorkingDirectory)} ({registry.Branch}, commit {registry.Head![..10]})");
                context.Output.Plain("Next: gitreg register NAME --artifact FILE --metric test.auc_roc=0.91");
            }
            return 0;
        }));
        return command;
    }
}
