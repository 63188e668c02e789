global using GitRegistry.Cli.Tests;
global using Xunit;
