using System.CommandLine;
using GitRegistry.Signing;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class KeygenCommand
{
    public static Command Create()
    {
        var key = new Option<string?>("--key") { Description = "Where to write the private key (default: ~/.ssh/gitreg_ed25519).", HelpName = "PATH" };
        var email = new Option<string?>("--email") { Description = "The e-mail the key signs for (default: git's user.email).", HelpName = "EMAIL" };
        var command = new Command("keygen", "Create an ed25519 SSH signing key and configure this registry clone to sign with it.") { key, email };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var registry = context.Registry;
            var signer = context.Get(email) ?? registry.Identity().Email;
            var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var path = context.Get(key) ?? Path.Combine(home, ".ssh", "gitreg_ed25519");
            var result = SigningKeyGenerator.Generate(registry.GitDirectory, path, signer);
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["private_key"] = result.PrivateKey,
                    ["public_key"] = result.PublicKey,
                    ["config"] = new JObject(result.ConfigChanges.Select(c => new JProperty(c.Key, c.Value))),
                });
                return 0;
            }
            context.Output.Plain($"Created {result.PrivateKey} (public key: {result.PrivateKey}.pub)");
            context.Output.Plain($"Set in {registry.GitDirectory}/config:");
            foreach (var (name, value) in result.ConfigChanges)
            {
                context.Output.Plain($"  git config {name} {value}");
            }
            context.Output.Plain($"Public key, for the registry's signers: {result.PublicKey}");
            return 0;
        }));
        return command;
    }
}
