using System.CommandLine;

namespace GitRegistry.Cli.Commands;

internal static class DeleteCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var version = new Argument<int>("version") { Description = "The version to delete. Its number is never reused." };
        var comment = new Option<string?>("--comment", "-m") { Description = "Why; recorded in model.yaml and the commit.", HelpName = "TEXT" };
        var command = new Command("delete", "Mark a version deleted: it can no longer be resolved (refused while an alias points at it).") { name, version, comment };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.DeleteVersion(context.Get(name), context.Get(version), context.Get(comment)))));
        return command;
    }
}
