using System.CommandLine;
using GitRegistry.Cli.Output;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli;

/// <summary>
/// Runs a command body with the global options resolved, and turns failures into one or two readable lines
/// (or a JSON error on stderr) and a documented exit code. Stack traces only with --verbose.
/// </summary>
internal static class CommandRunner
{
    public static int Run(ParseResult parse, Func<CommandContext, int> body)
    {
        var output = new CliOutput(parse.GetValue(GlobalOptions.Json), parse.GetValue(GlobalOptions.Verbose));
        var context = new CommandContext(parse, output);
        try
        {
            return body(context);
        }
        catch (RegistryException e)
        {
            return Fail(output, e.Kind.ToString(), ToExitCode(e.Kind), e.Message, e.Fix, e, e is DocumentException d ? Problems(d) : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(output, "IO", ExitCodes.RepositoryFailed, e.Message, "check the path and its permissions", e, null);
        }
        catch (Exception e)
        {
            return Fail(output, "Internal", ExitCodes.InternalError, $"internal error: {e.Message}", "run again with --verbose and report the output", e, null);
        }
        finally
        {
            context.Dispose();
        }
    }

    public static ExitCodes ToExitCode(ErrorKind kind) => kind switch
    {
        ErrorKind.Usage => ExitCodes.Usage,
        ErrorKind.NotFound => ExitCodes.NotFound,
        ErrorKind.Validation => ExitCodes.ValidationFailed,
        ErrorKind.Conflict => ExitCodes.Conflict,
        ErrorKind.Signing => ExitCodes.SigningFailed,
        ErrorKind.Artifact => ExitCodes.ArtifactFailed,
        ErrorKind.Policy => ExitCodes.PolicyDenied,
        _ => ExitCodes.RepositoryFailed,
    };

    private static JArray Problems(DocumentException e) => new(e.Problems.Select(Json.Views.Problem));

    private static int Fail(CliOutput output, string kind, ExitCodes code, string message, string? fix, Exception e, JArray? problems)
    {
        if (output.Json)
        {
            var error = new JObject { ["kind"] = kind, ["exit_code"] = (int)code, ["message"] = message };
            if (e is Locking.RestoreException restore)
            {
                // The stable GR code the build reports as its MSBuild error code.
                error["code"] = restore.Code;
            }
            if (fix is not null)
            {
                error["fix"] = fix;
            }
            if (problems is not null)
            {
                error["problems"] = problems;
            }
            output.Error.WriteLine(new JObject { ["error"] = error }.ToString(Newtonsoft.Json.Formatting.Indented));
        }
        else
        {
            output.Error.WriteLine(e is Locking.RestoreException restore ? $"error {restore.Code}: {message}" : $"error: {message}");
            if (fix is not null)
            {
                output.Error.WriteLine($"  fix: {fix}");
            }
        }
        if (output.Verbose)
        {
            output.Error.WriteLine(e.ToString());
        }
        return (int)code;
    }
}
