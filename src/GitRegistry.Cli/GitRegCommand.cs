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
            GlobalOptions.Push,
            GlobalOptions.NoPush,
            GlobalOptions.Fetch,
            GlobalOptions.Remote,
            GlobalOptions.Branch,
            GlobalOptions.Verbose,
            CloneCommand.Create(),
            SyncCommands.Pull(),
            SyncCommands.Push(),
            InitCommand.Create(),
            KeygenCommand.Create(),
            RegisterCommand.Create(),
            TransitionCommand.Create(),
            ApproveCommand.Create(),
            AliasCommand.Create(),
            TagCommand.Create(),
            DescribeCommand.Create(),
            DeleteCommand.Create(),
            ModelsCommand.Create(),
            VersionsCommand.Create(),
            ShowCommand.Create(),
            ResolveCommand.Create(),
            ArtifactCommand.Create(),
            GcCommand.Create(),
            ValidateCommand.Create(),
            SignersCommand.Create(),
            PolicyCommand.Create(),
            VerifyCommand.Create(),
            LogCommand.Create(),
            RollbackCommand.Create(),
            ReferenceCommand.Create(),
            LockCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            SearchCommand.Create(),
            SiteCommand.Create(),
        };
        return root;
    }
}
