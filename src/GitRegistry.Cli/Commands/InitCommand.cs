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
        var approvals = new Option<int>("--approvals")
        {
            Description = "How many approvals (from the approvers group, by someone other than the registrant and the requester) moving a version into Production needs. 0 makes a one-person registry.",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        approvals.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 20)
            {
                result.AddError("--approvals must be between 0 and 20");
            }
        });
        var command = new Command("init", "Create a new registry: a git repository with registry.yaml, allowed_signers (you), a README and a first signed commit.") { path, bare, name, approvals };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var target = context.Get(path) ?? Environment.CurrentDirectory;
            using var registry = Registry.Init(target, context.Get(name), context.Get(bare), context.Get(approvals));
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
