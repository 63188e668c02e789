using System.CommandLine;

namespace GitRegistry.Cli.Commands;

internal static class RollbackCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var stage = new Argument<string>("stage") { Description = "The stage to roll back, e.g. Production." };
        var comment = new Option<string?>("--comment", "-m") { Description = "Why; recorded in the commit.", HelpName = "TEXT" };
        var command = new Command("rollback", "Move a stage back to the version that held it before (a new signed, policy-checked commit; history is never rewritten).") { name, stage, comment };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.Rollback(context.Get(name), context.Get(stage), context.Get(comment)))));
        return command;
    }
}
