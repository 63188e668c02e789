using System.CommandLine;
using GitRegistry.Cli.Json;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var at = new Option<string?>("--at") { Description = "Validate the registry as it is at this commit (default: the branch tip).", HelpName = "COMMIT" };
        var noCache = new Option<bool>("--no-cache") { Description = "Check every file from scratch, ignoring what passed in earlier runs and is unchanged since (remembered by git object id in the git directory)." };
        var command = new Command("validate", "Check every registry file against its schema and the cross-file rules.") { at, noCache };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var problems = context.ReadRegistry.Validate(context.Get(at), useCache: !context.Get(noCache));
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject { ["valid"] = problems.Count == 0, ["problems"] = new JArray(problems.Select(Views.Problem)) });
            }
            else if (problems.Count == 0)
            {
                context.Output.Plain("The registry is valid.");
            }
            else
            {
                foreach (var problem in problems)
                {
                    context.Output.Error.WriteLine(problem.ToString());
                }
                context.Output.Error.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} found.");
            }
            return problems.Count == 0 ? 0 : (int)ExitCodes.ValidationFailed;
        }));
        return command;
    }
}
