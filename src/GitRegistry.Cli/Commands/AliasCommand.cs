using System.CommandLine;

namespace GitRegistry.Cli.Commands;

internal static class AliasCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The model." };
        var alias = new Argument<string>("alias") { Description = "The alias, e.g. champion." };
        var version = new Argument<int>("version") { Description = "The version it points at." };
        var set = new Command("set", "Point an alias at a version (models:/NAME@ALIAS).") { name, alias, version };
        set.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.SetAlias(context.Get(name), context.Get(alias), context.Get(version)))));

        var deleteName = new Argument<string>("name") { Description = "The model." };
        var deleteAlias = new Argument<string>("alias") { Description = "The alias to remove." };
        var delete = new Command("delete", "Remove an alias.") { deleteName, deleteAlias };
        delete.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.DeleteAlias(context.Get(deleteName), context.Get(deleteAlias)))));

        return new Command("alias", "Set or delete aliases.") { set, delete };
    }
}
