using GitRegistry.Cli;

return GitReg.Run(args);
