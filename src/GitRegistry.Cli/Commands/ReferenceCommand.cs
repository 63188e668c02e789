using System.CommandLine;
using System.Text;

namespace GitRegistry.Cli.Commands;

/// <summary>
/// Writes the CLI reference (docs/cli.md) from the command definitions themselves, so that it never drifts
/// from what gitreg accepts; a test fails when the committed file is stale.
/// </summary>
internal static class ReferenceCommand
{
    public static Command Create()
    {
        var command = new Command("reference", "Print the CLI reference as Markdown (the source of docs/cli.md).") { Hidden = true };
        command.SetAction(parse =>
        {
            Console.Out.Write(Markdown(GitRegCommand.Create()));
            return 0;
        });
        return command;
    }

    public static string Markdown(RootCommand root)
    {
        var text = new StringBuilder();
        text.Append("# gitreg command reference\n\n");
        text.Append("Generated from the command definitions by `gitreg reference`; do not edit by hand.\n\n");
        text.Append(root.Description).Append("\n\n## Options of every command\n\n");
        foreach (var option in root.Options.Where(o => o.Recursive && !o.Hidden && o is not System.CommandLine.Help.HelpOption))
        {
            text.Append($"- `{Signature(option)}`: {option.Description}\n");
        }
        text.Append("\nExit codes: ");
        text.Append(string.Join(", ", Enum.GetValues<ExitCodes>().Select(c => $"{(int)c} {c}"))).Append(".\n");
        foreach (var command in root.Subcommands.Where(c => !c.Hidden))
        {
            Write(text, command, "gitreg");
        }
        return text.ToString();
    }

    private static void Write(StringBuilder text, Command command, string parent)
    {
        var path = $"{parent} {command.Name}";
        if (command.Subcommands.Count > 0 && command.Arguments.Count == 0)
        {
            text.Append($"\n## {path}\n\n{command.Description}\n");
            foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            {
                Write(text, sub, path);
            }
            return;
        }
        var usage = string.Join(" ", command.Arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name.ToUpperInvariant()}]" : a.Name.ToUpperInvariant()));
        text.Append($"\n## {path}\n\n{command.Description}\n\n```\n{path}{(usage.Length > 0 ? " " + usage : "")}{(command.Options.Any(o => !o.Hidden) ? " [options]" : "")}\n```\n");
        if (command.Arguments.Count > 0)
        {
            text.Append('\n');
            foreach (var argument in command.Arguments)
            {
                text.Append($"- `{argument.Name.ToUpperInvariant()}`: {argument.Description}\n");
            }
        }
        var options = command.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "-h" and not "--version").ToList();
        if (options.Count > 0)
        {
            text.Append('\n');
            foreach (var option in options)
            {
                text.Append($"- `{Signature(option)}`: {option.Description}{(option.Required ? " Required." : "")}\n");
            }
        }
    }

    private static string Signature(Option option)
    {
        var names = string.Join(", ", new[] { option.Name }.Concat(option.Aliases.Order(StringComparer.Ordinal)));
        var takesValue = option.ValueType != typeof(bool);
        return takesValue ? $"{names} {option.HelpName ?? "VALUE"}" : names;
    }
}
