using System.CommandLine;
using GitRegistry.Cli.Json;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var at = new Option<string?>("--at") { Description = "Validate the registry as it is at this commit (default: the branch tip).", HelpName = "COMMIT" };
        var command = new Command("validate", "Check every registry file against its schema and the cross-file rules.") { at };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var problems = context.ReadRegistry.Validate(context.Get(at));
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
