using System.CommandLine;

namespace GitRegistry.Cli.Commands;

internal static class ApproveCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var version = new Argument<int>("version") { Description = "The version approved." };
        var stage = new Option<string>("--stage") { Description = "The stage the version is approved for.", DefaultValueFactory = _ => "Production", HelpName = "STAGE" };
        var comment = new Option<string?>("--comment", "-m") { Description = "The justification, e.g. \"AUC 0.91 vs 0.88 previous\".", HelpName = "TEXT" };
        var command = new Command("approve", "Record a signed approval of a version for a stage (who approved is the commit's signer).") { name, version, stage, comment };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.Approve(context.Get(name), context.Get(version), context.Get(stage), context.Get(comment)))));
        return command;
    }
}
