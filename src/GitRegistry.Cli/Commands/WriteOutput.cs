using GitRegistry.Cli.Json;
using GitRegistry.Registration;

namespace GitRegistry.Cli.Commands;

/// <summary>How every write command reports: its summary line and commit, or the JSON of the result.</summary>
internal static class WriteOutput
{
    public static int Print(CommandContext context, WriteResult result)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(Views.Write(result));
        }
        else
        {
            context.Output.Plain(result.Summary + (result.CommitId is null ? "" : $" (commit {result.CommitId[..10]})"));
        }
        return 0;
    }
}
