using System.CommandLine;
using GitRegistry.Cli.Output;
using GitRegistry.Policy;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace GitRegistry.Cli.Commands;

internal static class SignersCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The signer's e-mail (their git user.email)." };
        var key = new Argument<string>("public-key") { Description = "Their SSH public key: a .pub file or the key text." };
        var group = new Option<string[]>("--group") { Description = "Also add them to this group (repeatable), e.g. approvers.", HelpName = "GROUP" };
        var add = new Command("add", "Allow a key to sign for a principal (a line in allowed_signers), and add them to groups.") { email, key, group };
        add.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.AddSigner(context.Get(email), context.Get(key), context.Get(group) ?? []))));

        var revokeEmail = new Argument<string>("email") { Description = "The signer whose keys to revoke." };
        var fingerprint = new Option<string?>("--key") { Description = "Only the key with this fingerprint (SHA256:...).", HelpName = "FINGERPRINT" };
        var revoke = new Command("revoke", "End a signer's keys' validity from now on (valid-before); their earlier commits still verify.") { revokeEmail, fingerprint };
        revoke.SetAction(parse => CommandRunner.Run(parse, context =>
            WriteOutput.Print(context, context.Registry.RevokeSigner(context.Get(revokeEmail), context.Get(fingerprint)))));

        var list = new Command("list", "List the registry's signers, their keys, validity and groups.");
        list.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var registry = context.ReadRegistry;
            var config = registry.Config;
            var signers = registry.Signers();
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JArray(signers.Select(s => new JObject
                {
                    ["principals"] = new JArray(s.Principals),
                    ["key_type"] = s.Key.KeyType,
                    ["fingerprint"] = s.Key.Fingerprint,
                    ["valid_after"] = s.ValidAfter?.ToString("O"),
                    ["valid_before"] = s.ValidBefore?.ToString("O"),
                    ["groups"] = new JArray(s.Principals.SelectMany(p => PolicyEngine.GroupsOf(config, p)).Distinct()),
                })));
                return 0;
            }
            var table = new Table().AddColumns("Principal", "Key", "Valid", "Groups");
            foreach (var s in signers)
            {
                var validity = (s.ValidAfter, s.ValidBefore) switch
                {
                    (null, null) => "always",
                    (var after, null) => $"from {after:yyyy-MM-dd HH:mm}Z",
                    (null, var before) => $"until {before:yyyy-MM-dd HH:mm}Z" + (before <= DateTimeOffset.UtcNow ? " (revoked)" : ""),
                    var (after, before) => $"{after:yyyy-MM-dd} to {before:yyyy-MM-dd}",
                };
                table.AddRow(CliOutput.Escape(string.Join(", ", s.Principals)), CliOutput.Escape($"{s.Key.KeyType} {s.Key.Fingerprint}"), validity,
                    CliOutput.Escape(string.Join(", ", s.Principals.SelectMany(p => PolicyEngine.GroupsOf(config, p)).Distinct())));
            }
            foreach (var pgp in config.Signers?.Openpgp ?? [])
            {
                table.AddRow(CliOutput.Escape(pgp.Principal), $"openpgp {pgp.Fingerprint}", "always", CliOutput.Escape(string.Join(", ", PolicyEngine.GroupsOf(config, pgp.Principal))));
            }
            context.Output.Console.Write(table);
            return 0;
        }));

        return new Command("signers", "Manage who may sign registry commits.") { add, revoke, list };
    }
}
