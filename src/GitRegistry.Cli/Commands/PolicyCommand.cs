using System.CommandLine;
using GitRegistry.Documents;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class PolicyCommand
{
    public static Command Create()
    {
        var command = new Command("policy", "Print the policy in force: groups, permissions, allowed transitions, approvals and metric gates.");
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var config = context.ReadRegistry.Config;
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["groups"] = DocumentSerializer.ToToken(config.Groups),
                    ["policy"] = config.Policy is null ? null : DocumentSerializer.ToToken(config.Policy),
                });
                return 0;
            }
            var o = context.Output;
            if (config.Policy is not { } policy)
            {
                o.Plain("This registry has no policy: every signer may make every change.");
                return 0;
            }
            o.Plain("Groups:");
            foreach (var (group, members) in config.Groups)
            {
                o.Plain($"  {group}: {string.Join(", ", members)}");
            }
            o.Plain("Who may make each kind of change:");
            foreach (var action in new[] { "register", "transition", "alias", "tag", "describe", "delete", "approve", "configure", "merge" })
            {
                o.Plain($"  {action,-10} {(policy.Permissions.TryGetValue(action, out var groups) ? string.Join(", ", groups) : "any signer")}");
            }
            o.Plain("Stage moves:");
            if (policy.Transitions.Count == 0)
            {
                o.Plain("  any");
            }
            foreach (var rule in policy.Transitions)
            {
                o.Plain($"  {rule.From} -> {rule.To}" + (rule.Groups is null ? "" : $" (by {string.Join(", ", rule.Groups)})"));
            }
            foreach (var (stage, rules) in policy.Stages)
            {
                o.Plain($"Into {stage}:");
                if (rules.Approvals > 0)
                {
                    o.Plain($"  {rules.Approvals} approval(s) from {rules.Approvers}" + (rules.SeparationOfDuties ? ", not by the registrant or the requester" : ""));
                }
                foreach (var gate in rules.Gates)
                {
                    var bounds = new List<string>();
                    if (gate.Min is { } min) bounds.Add($">= {min}");
                    if (gate.Max is { } max) bounds.Add($"<= {max}");
                    if (gate.MaxRegression is { } margin) bounds.Add($"no worse than the version in {stage} by more than {margin}");
                    o.Plain($"  {gate.Metric} {string.Join(" and ", bounds)}");
                }
            }
            return 0;
        }));
        return command;
    }
}
