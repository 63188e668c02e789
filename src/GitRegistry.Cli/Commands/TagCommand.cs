using System.CommandLine;

namespace GitRegistry.Cli.Commands;

internal static class TagCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var version = new Option<int?>("--version") { Description = "Tag this version instead of the model.", HelpName = "N" };
        var key = new Argument<string>("key") { Description = "The tag's key." };
        var value = new Argument<string>("value") { Description = "The tag's value." };
        var set = new Command("set", "Set a tag on a model or a version.") { name, key, value, version };
        set.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.SetTag(context.Get(name), context.Get(version), context.Get(key), context.Get(value)))));

        var deleteName = new Argument<string>("name") { Description = "The model." };
        var deleteVersion = new Option<int?>("--version") { Description = "Untag this version instead of the model.", HelpName = "N" };
        var deleteKey = new Argument<string>("key") { Description = "The tag's key." };
        var delete = new Command("delete", "Remove a tag from a model or a version.") { deleteName, deleteKey, deleteVersion };
        delete.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.DeleteTag(context.Get(deleteName), context.Get(deleteVersion), context.Get(deleteKey)))));

        return new Command("tag", "Set or delete tags.") { set, delete };
    }
}
