using System.CommandLine;
using GitRegistry.Cli.Json;

namespace GitRegistry.Cli.Commands;

internal static class ResolveCommand
{
    public static Command Create()
    {
        var uri = new Argument<string>("uri") { Description = "models:/NAME/VERSION, models:/NAME/STAGE, models:/NAME@ALIAS or models:/NAME/latest." };
        var at = new Option<string?>("--at") { Description = "Resolve as the registry was at this time (ISO 8601, UTC unless an offset is given, e.g. 2026-03-15T14:00) or commit.", HelpName = "DATE|COMMIT" };
        var command = new Command("resolve", "Resolve a model URI to one version: prints name, version, artifact uri and sha256.") { uri, at };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var parsed = ModelUri.Parse(context.Get(uri));
            var registry = context.ReadRegistry;
            var version = context.Get(at) is { } when ? registry.ResolveAt(parsed, Revision(registry, when)) : registry.Resolve(parsed);
            if (context.Output.Json)
            {
                context.Output.WriteJson(Views.Version(version));
                return 0;
            }
            var m = version.Manifest;
            context.Output.Plain($"name     {m.Name}");
            context.Output.Plain($"version  {m.Version}");
            context.Output.Plain($"stage    {version.Stage}");
            context.Output.Plain($"artifact {m.Artifact.Uri}");
            context.Output.Plain($"sha256   {m.Artifact.Sha256}");
            context.Output.Plain($"commit   {version.CommitId}");
            return 0;
        }));
        return command;
    }

    /// <summary>A date (when it parses as one) becomes the commit in force then; anything else is a revision.</summary>
    private static string Revision(Registry registry, string when) =>
        DateTimeOffset.TryParse(when, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AllowWhiteSpaces, out var time) && when.Contains('-')
            ? registry.CommitAt(time)
            : when;
}
