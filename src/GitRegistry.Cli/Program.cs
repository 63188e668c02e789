using GitRegistry.Cli;

return GitRegCommand.Create().Parse(args).Invoke();
