using System.CommandLine;

namespace GitRegistry.Cli.Commands;

internal static class DescribeCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var text = new Argument<string>("text") { Description = "The new description." };
        var version = new Option<int?>("--version") { Description = "Describe this version instead of the model.", HelpName = "N" };
        var command = new Command("describe", "Set the description of a model or a version.") { name, text, version };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.Describe(context.Get(name), context.Get(version), context.Get(text)))));
        return command;
    }
}
