using System.CommandLine;
using System.Diagnostics;
using GitRegistry.Site;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class SiteCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the site into (created if needed).", HelpName = "DIR", Required = true };
        var noCache = VerifyCommand.NoCacheOption();
        var command = new Command("site", "Generate a static web catalog of the registry: models, versions, metric charts, stage timelines, comparisons and the audit trail.") { output, noCache };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var directory = Path.GetFullPath(context.Get(output));
            var watch = Stopwatch.StartNew();
            var site = RegistrySite.Read(context.ReadRegistry, useCache: !context.Get(noCache));
            var pages = SiteWriter.Write(site, directory);
            var index = Path.Combine(directory, "index.html");
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["output"] = directory, ["index"] = index, ["pages"] = pages, ["models"] = site.Models.Count,
                    ["commit"] = site.CommitId, ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2),
                });
            }
            else
            {
                context.Output.Plain($"Wrote {pages} pages for {site.Models.Count} model(s) to {directory} in {watch.Elapsed.TotalSeconds:F1} s. Open {index}");
            }
            return 0;
        }));
        return command;
    }
}
