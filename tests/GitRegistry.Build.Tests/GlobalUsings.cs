global using GitRegistry.Cli.Tests;
global using Xunit;
global using GitRegistry.Testing;
