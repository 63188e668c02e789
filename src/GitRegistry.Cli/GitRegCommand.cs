using System.CommandLine;
using GitRegistry.Cli.Commands;

namespace GitRegistry.Cli;

/// <summary>The gitreg command tree.</summary>
internal static class GitRegCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("gitreg: a model registry kept in git. Every change is a signed commit; git log is the audit trail.")
        {
            GlobalOptions.Registry,
            GlobalOptions.Json,
            GlobalOptions.Verbose,
            InitCommand.Create(),
            KeygenCommand.Create(),
            RegisterCommand.Create(),
            TransitionCommand.Create(),
            AliasCommand.Create(),
            TagCommand.Create(),
            DescribeCommand.Create(),
            DeleteCommand.Create(),
            ModelsCommand.Create(),
            VersionsCommand.Create(),
            ShowCommand.Create(),
            ResolveCommand.Create(),
            ArtifactCommand.Create(),
            ValidateCommand.Create(),
            LockCommand.Create(),
        };
        return root;
    }
}
