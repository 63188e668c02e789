using System.CommandLine;

namespace GitRegistry.Cli.Commands;

internal static class TransitionCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var version = new Argument<int>("version") { Description = "The version to move." };
        var stage = new Argument<string>("stage") { Description = "The target stage (None, Staging, Production, Archived, or one defined in registry.yaml)." };
        var archive = new Option<bool>("--archive-existing") { Description = "Move every other version in the target stage to Archived (MLflow's archive_existing_versions)." };
        var comment = new Option<string?>("--comment", "-m") { Description = "Why; recorded in the commit message.", HelpName = "TEXT" };
        var command = new Command("transition", "Move a version to another stage (one signed commit).") { name, version, stage, archive, comment };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.Transition(context.Get(name), context.Get(version), context.Get(stage), context.Get(archive), context.Get(comment)))));
        return command;
    }
}
