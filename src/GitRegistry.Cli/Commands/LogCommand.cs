using System.CommandLine;
using System.Globalization;
using GitRegistry.Cli.Output;
using GitRegistry.Trust;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace GitRegistry.Cli.Commands;

internal static class LogCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "Only this model's events.", Arity = ArgumentArity.ZeroOrOne };
        var version = new Argument<int?>("version") { Description = "Only this version's events.", Arity = ArgumentArity.ZeroOrOne };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only events at or after this time (ISO 8601).", HelpName = "DATE" };
        var noCache = VerifyCommand.NoCacheOption();
        var command = new Command("log", "The audit trail as events: who (verified signer), when, what, and why; unverified events are marked.") { name, version, since, noCache };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var events = context.ReadRegistry.Log(context.Get(name), context.Get(version), context.Get(since), useCache: !context.Get(noCache));
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JArray(events.Select(e =>
                {
                    var json = Json(e.Event);
                    json["trusted"] = e.Event.Verified && e.Passed;
                    json["problems"] = new JArray(e.Problems);
                    return json;
                })));
                return 0;
            }
            if (events.Count == 0)
            {
                context.Output.Plain("No events.");
                return 0;
            }
            var table = new Table().AddColumns("When (UTC)", "Event", "By", "Key", "Commit", "Status", "Why");
            foreach (var (e, passed, problems) in events)
            {
                var status = !e.Verified ? "[red bold]UNVERIFIED SIGNATURE[/]" : !passed ? "[red bold]POLICY VIOLATION[/]" : "[green]verified[/]";
                table.AddRow(
                    e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    CliOutput.Escape(e.Detail),
                    CliOutput.Escape(e.Actor),
                    CliOutput.Escape(e.KeyFingerprint is null ? "-" : e.KeyFingerprint.Length > 20 ? e.KeyFingerprint[..20] + "…" : e.KeyFingerprint),
                    e.CommitId[..10],
                    status,
                    CliOutput.Escape(e.Comment ?? ""));
            }
            context.Output.Console.Write(table);
            var untrusted = events.Count(e => !e.Event.Verified || !e.Passed);
            if (untrusted > 0)
            {
                context.Output.Error.WriteLine($"warning: {untrusted} event(s) are not backed by a verified, allowed commit; run gitreg verify for the reasons");
            }
            return 0;
        }));
        return command;
    }

    public static JObject Json(RegistryEvent e) => new()
    {
        ["kind"] = e.Kind.ToString(),
        ["model"] = e.Model,
        ["version"] = e.Version,
        ["from_stage"] = e.FromStage,
        ["to_stage"] = e.ToStage,
        ["alias"] = e.Alias,
        ["detail"] = e.Detail,
        ["actor"] = e.Actor,
        ["key_fingerprint"] = e.KeyFingerprint,
        ["verified_signature"] = e.Verified,
        ["time"] = e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["commit"] = e.CommitId,
        ["comment"] = e.Comment,
    };
}
